package io.pokeapi.observability.load.engine;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The one histogram layout of the service: microseconds from 1 µs to 1 hour, 3 significant digits,
 * so that every histogram (per loop, per second, per replica) adds to any other exactly.
 */
public final class Histograms {

  /** Highest latency recorded, in microseconds (longer values are clamped to it). */
  public static final long HIGHEST_MICROS = 3_600_000_000L;

  /** Significant decimal digits kept. */
  public static final int DIGITS = 3;

  private Histograms() {}

  /** An empty histogram of this layout. */
  public static Histogram create() {
    return new Histogram(1, HIGHEST_MICROS, DIGITS);
  }

  /** A single-writer recorder of this layout. */
  public static SingleWriterRecorder recorder() {
    return new SingleWriterRecorder(1, HIGHEST_MICROS, DIGITS);
  }

  /** A latency in nanoseconds as the value to record: microseconds within the layout's range. */
  public static long micros(long nanos) {
    long micros = nanos / 1000;
    return micros < 1 ? 1 : Math.min(micros, HIGHEST_MICROS);
  }

  /** HdrHistogram's compressed encoding (V2) in base64. */
  public static String encode(Histogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
  }

  /**
   * Reads what {@link #encode} wrote.
   *
   * @throws IllegalArgumentException when the text is not an encoded histogram
   */
  public static Histogram decode(String base64) {
    try {
      Histogram decoded =
          Histogram.decodeFromCompressedByteBuffer(
              ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 1);
      Histogram histogram = create();
      histogram.add(decoded);
      return histogram;
    } catch (DataFormatException | RuntimeException e) {
      throw new IllegalArgumentException("not an encoded histogram: " + e.getMessage(), e);
    }
  }

  /** p50 to max and the mean, in microseconds. */
  public static Percentiles percentiles(Histogram h) {
    if (h.getTotalCount() == 0) {
      return Percentiles.EMPTY;
    }
    return new Percentiles(
        h.getValueAtPercentile(50),
        h.getValueAtPercentile(90),
        h.getValueAtPercentile(95),
        h.getValueAtPercentile(99),
        h.getValueAtPercentile(99.9),
        h.getMaxValue(),
        h.getMean(),
        h.getTotalCount());
  }

  /**
   * Percentiles in microseconds.
   *
   * @param count how many values they describe
   */
  public record Percentiles(
      long p50, long p90, long p95, long p99, long p999, long max, double mean, long count) {
    /** Of no values at all. */
    public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0, 0, 0, 0);
  }
}
