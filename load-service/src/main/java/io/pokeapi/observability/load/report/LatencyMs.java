package io.pokeapi.observability.load.report;

import io.pokeapi.observability.load.engine.Histograms;

/** Percentiles and mean in milliseconds, for people and the REST API. */
public record LatencyMs(
    double p50, double p90, double p95, double p99, double p999, double max, double mean) {

  /** From percentiles in microseconds. */
  public static LatencyMs of(Histograms.Percentiles p) {
    return new LatencyMs(
        ms(p.p50()),
        ms(p.p90()),
        ms(p.p95()),
        ms(p.p99()),
        ms(p.p999()),
        ms(p.max()),
        ms(p.mean()));
  }

  /** Microseconds as milliseconds with three decimals. */
  public static double ms(double micros) {
    return Math.round(micros) / 1000.0;
  }
}
