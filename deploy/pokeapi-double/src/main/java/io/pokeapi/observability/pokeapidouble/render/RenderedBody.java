package io.pokeapi.observability.pokeapidouble.render;

import io.netty.util.AsciiString;
import io.pokeapi.observability.pokeapidouble.live.ExpressEtag;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * A response body ready to be written any number of times from any event loop: the bytes in an
 * immutable Vert.x {@link Buffer} (each write takes its own slice, nothing is copied or released),
 * its ETag and Content-Length as pre-encoded header values, and a gzip variant made on first demand
 * for clients that send {@code Accept-Encoding: gzip}.
 */
public final class RenderedBody {

  /** Bodies below this size are never compressed (the {@code compression} middleware default). */
  public static final int GZIP_THRESHOLD = 1024;

  private final Buffer identity;
  private final int size;
  private final AsciiString etag;
  private final AsciiString contentLength;
  private volatile Compressed gzip;

  private RenderedBody(byte[] bytes, CharSequence etag) {
    this.identity = Buffer.buffer(bytes);
    this.size = bytes.length;
    this.etag = etag == null ? null : AsciiString.of(etag);
    this.contentLength = AsciiString.cached(Integer.toString(size));
  }

  /** A body with the ETag Express would give it. */
  public static RenderedBody of(byte[] bytes) {
    return new RenderedBody(bytes, ExpressEtag.of(bytes));
  }

  /** A body that is sent without an ETag (error pages that Express does not tag). */
  public static RenderedBody untagged(byte[] bytes) {
    return new RenderedBody(bytes, null);
  }

  /**
   * Other bytes sent under this body's ETag (or none): what a fault that corrupts a body after the
   * origin tagged it produces.
   */
  public RenderedBody corrupted(byte[] bytes) {
    return new RenderedBody(bytes, etag);
  }

  /** The uncompressed bytes. */
  public Buffer identity() {
    return identity;
  }

  /** A copy of the uncompressed bytes. */
  public byte[] bytes() {
    return identity.getBytes();
  }

  /** The uncompressed size. */
  public int size() {
    return size;
  }

  /** The weak ETag, or null. */
  public CharSequence etag() {
    return etag;
  }

  /** The uncompressed size as a header value. */
  public CharSequence contentLength() {
    return contentLength;
  }

  /** Whether the live API would gzip this body for a client that accepts gzip. */
  public boolean compressible() {
    return size >= GZIP_THRESHOLD;
  }

  /** The gzip variant, compressed on first use. */
  public Compressed gzip() {
    Compressed compressed = gzip;
    if (compressed == null) {
      compressed = Compressed.of(identity.getBytes());
      gzip = compressed;
    }
    return compressed;
  }

  /**
   * A gzip-compressed body.
   *
   * @param body the compressed bytes
   * @param contentLength their size as a header value
   */
  public record Compressed(Buffer body, CharSequence contentLength) {
    static Compressed of(byte[] bytes) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 6));
      try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
        gzip.write(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      byte[] compressed = out.toByteArray();
      return new Compressed(
          Buffer.buffer(compressed), AsciiString.cached(Integer.toString(compressed.length)));
    }
  }
}
