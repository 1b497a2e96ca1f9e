package io.pokeapi.observability.diff.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A finished run's latency at one endpoint against the endpoint's baseline.
 *
 * @param runId the run
 * @param endpoint the endpoint
 * @param percentile the percentile compared ({@code P50}, {@code P95}, {@code P99})
 * @param runValueMs the run's value of that percentile in milliseconds
 * @param runSamples how many successful captures of the run it covers
 * @param baselineId the baseline compared with
 * @param baselineValueMs the baseline's value of that percentile
 * @param threshold the allowed excess, for example 0.20
 * @param regressed whether the run exceeded the baseline by more than the threshold
 * @param evaluatedAt when it was evaluated
 */
public record LatencyEvaluation(
    UUID runId,
    String endpoint,
    String percentile,
    double runValueMs,
    long runSamples,
    long baselineId,
    double baselineValueMs,
    double threshold,
    boolean regressed,
    Instant evaluatedAt) {}
