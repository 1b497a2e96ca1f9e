package io.pokeapi.observability.load.profile;

/**
 * The intended send times of an open-model share, one after the other: the k-th arrival is at the
 * time {@code t} where {@code scale × cumulative(t) = k + offset}. With {@code n} shares of scale
 * {@code 1/n} and offsets {@code 0, 1/n, ...}, the shares together send exactly the arrivals of the
 * whole schedule. Allocation-free: {@link #next()} walks the segments forward.
 */
public final class ArrivalClock {

  /** Returned when the schedule has no further arrival. */
  public static final long NONE = Long.MAX_VALUE;

  private final LoadSchedule schedule;
  private final double scale;
  private double nextCount;
  private int segment;
  private double segmentBase;

  /**
   * @param schedule a rate schedule, requests/s
   * @param scale this share's part of the rate, in (0, 1]
   * @param offset in [0, 1): where in the first interval this share's arrivals fall
   */
  public ArrivalClock(LoadSchedule schedule, double scale, double offset) {
    this.schedule = schedule;
    this.scale = scale;
    this.nextCount = offset;
  }

  /** The intended time of the next arrival, nanoseconds from the start, or {@link #NONE}. */
  public long next() {
    while (segment < schedule.segments()) {
      double total = schedule.segmentTotal(segment) * scale;
      double within = nextCount - segmentBase;
      if (within < total) {
        long t = schedule.segmentStart(segment) + solve(segment, within / scale);
        nextCount += 1;
        return t;
      }
      segmentBase += total;
      segment++;
    }
    return NONE;
  }

  /** Nanoseconds into segment {@code i} at which its area reaches {@code x} (level × seconds). */
  private long solve(int i, double x) {
    double a = schedule.segmentFrom(i);
    double b = schedule.segmentTo(i);
    double length = schedule.segmentLength(i) / 1e9;
    double seconds;
    if (a == b) {
      seconds = x / a;
    } else {
      double slope = (b - a) / length;
      // a t + slope t^2 / 2 = x, solved in the form that stays exact when a is 0
      seconds = 2 * x / (a + Math.sqrt(Math.max(0, a * a + 2 * slope * x)));
    }
    long nanos = (long) Math.floor(seconds * 1e9);
    return Math.min(Math.max(nanos, 0), schedule.segmentLength(i) - 1);
  }
}
