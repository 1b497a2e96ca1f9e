package io.pokeapi.observability.diff.baseline;

/** A latency percentile of a baseline. */
public enum Percentile {
  P50(0.50),
  P95(0.95),
  P99(0.99);

  private final double fraction;

  Percentile(double fraction) {
    this.fraction = fraction;
  }

  /** The percentile as a fraction, for example 0.95. */
  public double fraction() {
    return fraction;
  }
}
