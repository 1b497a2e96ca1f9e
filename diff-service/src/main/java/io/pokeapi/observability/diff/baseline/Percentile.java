package io.pokeapi.observability.diff.baseline;

/** A latency percentile of a baseline. */
public enum Percentile {
  P50,
  P95,
  P99
}
