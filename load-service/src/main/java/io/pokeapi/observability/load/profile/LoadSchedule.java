package io.pokeapi.observability.load.profile;

/**
 * A piecewise linear level over time: users (closed model) or requests/s (open model). It starts at
 * {@code start}, optionally holds it for the warm-up, then moves linearly to each stage's target
 * over the stage's duration. Times are nanoseconds from the start of the run.
 */
public final class LoadSchedule {

  private static final double NANOS = 1e9;

  private final long[] segmentStart;
  private final long[] segmentLength;
  private final double[] from;
  private final double[] to;
  private final long warmupNanos;
  private final long endNanos;

  private LoadSchedule(
      long[] segmentStart,
      long[] segmentLength,
      double[] from,
      double[] to,
      long warmupNanos,
      long endNanos) {
    this.segmentStart = segmentStart;
    this.segmentLength = segmentLength;
    this.from = from;
    this.to = to;
    this.warmupNanos = warmupNanos;
    this.endNanos = endNanos;
  }

  /**
   * A schedule of stages after a warm-up held at the start level.
   *
   * @param start the level at time 0
   * @param warmupNanos how long the start level is held before the first stage (not measured)
   * @param stageNanos each stage's length in nanoseconds
   * @param stageTargets each stage's target level
   */
  public static LoadSchedule of(
      double start, long warmupNanos, long[] stageNanos, double[] stageTargets) {
    int n = stageNanos.length + (warmupNanos > 0 ? 1 : 0);
    long[] starts = new long[n];
    long[] lengths = new long[n];
    double[] froms = new double[n];
    double[] tos = new double[n];
    int i = 0;
    long t = 0;
    if (warmupNanos > 0) {
      lengths[0] = warmupNanos;
      froms[0] = start;
      tos[0] = start;
      t = warmupNanos;
      i = 1;
    }
    double level = start;
    for (int k = 0; k < stageNanos.length; k++, i++) {
      starts[i] = t;
      lengths[i] = stageNanos[k];
      froms[i] = level;
      tos[i] = stageTargets[k];
      t += stageNanos[k];
      level = stageTargets[k];
    }
    return new LoadSchedule(starts, lengths, froms, tos, warmupNanos, t);
  }

  /** A constant level for {@code durationNanos} after the warm-up. */
  public static LoadSchedule constant(double level, long warmupNanos, long durationNanos) {
    return of(level, warmupNanos, new long[] {durationNanos}, new double[] {level});
  }

  /** When the measured phase starts (the end of the warm-up). */
  public long warmupNanos() {
    return warmupNanos;
  }

  /** When the schedule ends. */
  public long endNanos() {
    return endNanos;
  }

  /** How many segments (warm-up included). */
  public int segments() {
    return segmentStart.length;
  }

  /** The level at {@code t} (the last target after the end, the start level before 0). */
  public double valueAt(long t) {
    if (segmentStart.length == 0) {
      return 0;
    }
    if (t <= 0) {
      return from[0];
    }
    for (int i = 0; i < segmentStart.length; i++) {
      long into = t - segmentStart[i];
      if (into < segmentLength[i]) {
        return from[i] + (to[i] - from[i]) * ((double) into / segmentLength[i]);
      }
    }
    return to[to.length - 1];
  }

  /** The highest level anywhere in the schedule. */
  public double peak() {
    double peak = 0;
    for (int i = 0; i < from.length; i++) {
      peak = Math.max(peak, Math.max(from[i], to[i]));
    }
    return peak;
  }

  /**
   * The integral of the level from 0 to {@code t}, the level taken per second: for a rate schedule
   * the number of arrivals expected by {@code t}.
   */
  public double cumulative(long t) {
    double sum = 0;
    for (int i = 0; i < segmentStart.length; i++) {
      long into = Math.min(t - segmentStart[i], segmentLength[i]);
      if (into <= 0) {
        break;
      }
      sum += segmentArea(i, into);
    }
    return sum;
  }

  double segmentArea(int i, long into) {
    double seconds = into / NANOS;
    double slope = (to[i] - from[i]) / (segmentLength[i] / NANOS);
    return from[i] * seconds + slope * seconds * seconds / 2;
  }

  long segmentStart(int i) {
    return segmentStart[i];
  }

  long segmentLength(int i) {
    return segmentLength[i];
  }

  double segmentFrom(int i) {
    return from[i];
  }

  double segmentTo(int i) {
    return to[i];
  }

  /** The whole segment's area (level × seconds). */
  double segmentTotal(int i) {
    return (from[i] + to[i]) / 2 * (segmentLength[i] / NANOS);
  }
}
