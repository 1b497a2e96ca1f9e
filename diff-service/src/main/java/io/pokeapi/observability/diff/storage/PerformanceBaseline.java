package io.pokeapi.observability.diff.storage;

import java.time.Instant;

/**
 * Latency percentiles of an endpoint over a window of probe captures.
 *
 * @param id the row id ({@code 0} before it is stored)
 * @param endpoint the endpoint
 * @param computedAt when it was computed
 * @param windowStart the start of the window
 * @param windowEnd the end of the window
 * @param sampleSize how many successful captures it covers
 * @param p50Ms the median latency in milliseconds
 * @param p95Ms the 95th percentile in milliseconds
 * @param p99Ms the 99th percentile in milliseconds
 */
public record PerformanceBaseline(
    long id,
    String endpoint,
    Instant computedAt,
    Instant windowStart,
    Instant windowEnd,
    long sampleSize,
    double p50Ms,
    double p95Ms,
    double p99Ms) {}
