package io.pokeapi.observability.common.contract;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The diff service found a finished run's latency at an endpoint more than the allowed threshold
 * above the endpoint's baseline, published on {@link Topics#LATENCY_REGRESSIONS} under {@link
 * #messageKey()}. Latencies are of successful (2xx) answers, in milliseconds.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION} for this layout
 * @param runId the probe run that was slower
 * @param suite the run's suite, or {@code null} when unknown
 * @param endpoint the PokéAPI endpoint, or the scope of list pages and sub-resources ({@code
 *     pokemon:list})
 * @param percentile the percentile compared, lower case: {@code p50}, {@code p95} or {@code p99}
 * @param baselineMs the baseline's value of that percentile
 * @param baselineSamples how many captures the baseline covers
 * @param observedMs the run's value of that percentile
 * @param observedSamples how many captures of the run it covers
 * @param ratio {@code observedMs / baselineMs}, for example 1.3 for 30% slower
 * @param threshold the allowed excess over the baseline, for example 0.20; a regression has {@code
 *     ratio > 1 + threshold}
 * @param baselineWindowStart the start of the window the baseline was computed over
 * @param baselineWindowEnd the end of that window
 * @param detectedAt when the diff service compared the run
 */
public record LatencyRegressionDetected(
    int schemaVersion,
    UUID runId,
    String suite,
    String endpoint,
    String percentile,
    double baselineMs,
    long baselineSamples,
    double observedMs,
    long observedSamples,
    double ratio,
    double threshold,
    Instant baselineWindowStart,
    Instant baselineWindowEnd,
    Instant detectedAt) {

  /** The layout version this class writes. */
  public static final int SCHEMA_VERSION = 1;

  public LatencyRegressionDetected {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(endpoint, "endpoint");
  }

  /** The Kafka key: the endpoint, so the regressions of one endpoint stay in order. */
  public String messageKey() {
    return Topics.endpointKey(endpoint);
  }
}
