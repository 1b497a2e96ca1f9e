package io.pokeapi.observability.reporter.reporting;

import io.pokeapi.observability.reporter.portal.RpCall;
import io.pokeapi.observability.reporter.storage.LaunchState;
import java.time.Instant;
import java.util.List;

/**
 * What one inbox row turns into: the ReportPortal calls, in order, the launch state once they are
 * all accepted, and the flakiness count to add.
 *
 * @param calls the calls, in order
 * @param state the launch state after them, or null when the row touches no launch
 * @param flaky the check run to count, or null
 */
public record Plan(List<RpCall> calls, LaunchState state, FlakyCount flaky) {

  /**
   * One run of a check to count.
   *
   * @param testName the check name
   * @param runs 1 when this is the check's first result in its run, else 0
   * @param flakyAt set when the check passed on a rerun after failing in this run
   */
  public record FlakyCount(String testName, int runs, Instant flakyAt) {}
}
