package io.pokeapi.observability.probe.client;

import java.util.function.Supplier;

/**
 * The bytes of an answer's body: at hand for a body just received, or, for the body the ETag cache
 * keeps for a 304, inflated only when something reads it. An unchanged sweep whose checks all
 * passed before on the same bytes then never inflates a body: it needs only its length and hash.
 */
public final class AnswerBody {

  private static final AnswerBody EMPTY = new AnswerBody(new byte[0], 0, null);

  private final int length;
  private Supplier<byte[]> source;
  private volatile byte[] bytes;

  private AnswerBody(byte[] bytes, int length, Supplier<byte[]> source) {
    this.bytes = bytes;
    this.length = length;
    this.source = source;
  }

  /** A body at hand ({@code null}: no body). */
  public static AnswerBody of(byte[] bytes) {
    return bytes == null || bytes.length == 0 ? EMPTY : new AnswerBody(bytes, bytes.length, null);
  }

  /** A body of {@code length} bytes that {@code source} produces on first use. */
  public static AnswerBody deferred(int length, Supplier<byte[]> source) {
    return new AnswerBody(null, length, source);
  }

  /** Its length in bytes, known without producing the body. */
  public int length() {
    return length;
  }

  /** The bytes (produced now if they were deferred); never {@code null}. */
  public byte[] bytes() {
    byte[] result = bytes;
    if (result == null) {
      synchronized (this) {
        result = bytes;
        if (result == null) {
          result = source.get();
          bytes = result;
          source = null;
        }
      }
    }
    return result;
  }
}
