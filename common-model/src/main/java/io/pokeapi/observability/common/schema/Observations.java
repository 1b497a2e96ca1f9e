package io.pokeapi.observability.common.schema;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many values of each {@link ValueKind} were seen at one node of a schema. The counts make the
 * inference exact and mergeable: a property is required when it was present (possibly null) in as
 * many objects as its parent saw, and merging two schemas adds their counts. Immutable.
 */
public final class Observations {

  /** No value seen. */
  public static final Observations NONE = new Observations(new long[ValueKind.COUNT]);

  private final long[] counts;
  private final long total;

  private Observations(long[] counts) {
    this.counts = counts;
    long sum = 0;
    for (long count : counts) {
      sum += count;
    }
    this.total = sum;
  }

  /**
   * Counts from a map of kind to count; kinds not in the map count zero.
   *
   * @throws IllegalArgumentException when a count is negative
   */
  public static Observations of(Map<ValueKind, Long> counts) {
    long[] values = new long[ValueKind.COUNT];
    counts.forEach(
        (kind, count) -> {
          if (count < 0) {
            throw new IllegalArgumentException("negative count for " + kind + ": " + count);
          }
          values[kind.ordinal()] = count;
        });
    return new Observations(values);
  }

  /** Counts from an array indexed by {@link ValueKind#ordinal()}; the array is copied. */
  static Observations ofArray(long[] counts) {
    return new Observations(counts.clone());
  }

  /** How many values of {@code kind} were seen. */
  public long count(ValueKind kind) {
    return counts[kind.ordinal()];
  }

  /** How many values were seen, nulls included. */
  public long total() {
    return total;
  }

  /** The counts of both. */
  public Observations plus(Observations other) {
    long[] sum = new long[counts.length];
    for (int i = 0; i < sum.length; i++) {
      sum[i] = Math.addExact(counts[i], other.counts[i]);
    }
    return new Observations(sum);
  }

  /** The non-zero counts, in {@link ValueKind} order. */
  public Map<ValueKind, Long> asMap() {
    Map<ValueKind, Long> map = new EnumMap<>(ValueKind.class);
    for (int i = 0; i < ValueKind.COUNT; i++) {
      if (counts[i] > 0) {
        map.put(ValueKind.ofOrdinal(i), counts[i]);
      }
    }
    return Collections.unmodifiableMap(map);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Observations other && Arrays.equals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
