package io.pokeapi.observability.common.contract;

/**
 * Latency percentiles of a load run, in microseconds.
 *
 * @param p50Micros median
 * @param p90Micros 90th percentile
 * @param p95Micros 95th percentile
 * @param p99Micros 99th percentile
 * @param p999Micros 99.9th percentile
 * @param maxMicros the slowest request
 * @param meanMicros the mean; {@code null} from producers that did not compute it (older ones)
 */
public record LatencyPercentiles(
    long p50Micros,
    long p90Micros,
    long p95Micros,
    long p99Micros,
    long p999Micros,
    long maxMicros,
    Double meanMicros) {

  /** Percentiles without a mean, the layout of the first version. */
  public LatencyPercentiles(
      long p50Micros,
      long p90Micros,
      long p95Micros,
      long p99Micros,
      long p999Micros,
      long maxMicros) {
    this(p50Micros, p90Micros, p95Micros, p99Micros, p999Micros, maxMicros, null);
  }
}
