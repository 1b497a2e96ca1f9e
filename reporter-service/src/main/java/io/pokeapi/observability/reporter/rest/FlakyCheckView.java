package io.pokeapi.observability.reporter.rest;

import io.pokeapi.observability.reporter.storage.FlakyCheck;
import java.time.Instant;

/** One check's flakiness as the REST API shows it. */
public record FlakyCheckView(
    String testName, long totalRuns, long flakyRuns, double flakinessRate, Instant lastFlakyAt) {

  static FlakyCheckView of(FlakyCheck c) {
    return new FlakyCheckView(
        c.testName(), c.totalRuns(), c.flakyRuns(), c.rate(), c.lastFlakyAt());
  }
}
