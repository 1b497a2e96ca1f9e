package io.pokeapi.observability.diff.baseline;

import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.LatencyRegressionDetected;
import io.pokeapi.observability.common.contract.Topics;
import io.pokeapi.observability.diff.storage.LatencyEvaluation;
import io.pokeapi.observability.diff.storage.OutboxMessage;
import io.pokeapi.observability.diff.storage.PerformanceBaseline;
import java.util.Locale;

/**
 * Builds the {@link LatencyRegressionDetected} events the diff service publishes, as outbox
 * messages for {@link Topics#LATENCY_REGRESSIONS}.
 */
public final class LatencyRegressionEvents {

  private LatencyRegressionEvents() {}

  /**
   * The event of a regressed evaluation.
   *
   * @param evaluation the evaluation, regressed
   * @param baseline the baseline it was compared with
   * @param suite the run's suite, or {@code null}
   */
  public static OutboxMessage regression(
      LatencyEvaluation evaluation, PerformanceBaseline baseline, String suite) {
    if (!evaluation.regressed()) {
      throw new IllegalArgumentException("not a regression: " + evaluation);
    }
    LatencyRegressionDetected event =
        new LatencyRegressionDetected(
            LatencyRegressionDetected.SCHEMA_VERSION,
            evaluation.runId(),
            suite,
            evaluation.endpoint(),
            evaluation.percentile().toLowerCase(Locale.ROOT),
            evaluation.baselineValueMs(),
            baseline.sampleSize(),
            evaluation.runValueMs(),
            evaluation.runSamples(),
            evaluation.runValueMs() / evaluation.baselineValueMs(),
            evaluation.threshold(),
            baseline.windowStart(),
            baseline.windowEnd(),
            evaluation.evaluatedAt());
    return OutboxMessage.of(
        Topics.LATENCY_REGRESSIONS, event.messageKey(), EventJson.toJson(event));
  }
}
