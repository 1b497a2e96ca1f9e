package io.pokeapi.observability.reporter.storage;

import java.time.Instant;

/**
 * How often a check was flaky: failed and then passed on a rerun within one run.
 *
 * @param testName the check name
 * @param totalRuns runs in which the check ran
 * @param flakyRuns runs in which it failed and then passed
 * @param lastFlakyAt when it last was flaky, or null
 */
public record FlakyCheck(String testName, long totalRuns, long flakyRuns, Instant lastFlakyAt) {

  /** flaky runs / total runs, 0 when it never ran. */
  public double rate() {
    return totalRuns == 0 ? 0 : (double) flakyRuns / totalRuns;
  }
}
