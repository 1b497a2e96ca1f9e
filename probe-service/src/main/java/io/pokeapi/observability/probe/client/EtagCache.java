package io.pokeapi.observability.probe.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.probe.config.ProbeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;

/**
 * The ETag last seen for each URL and the body it came with, so that the next request of that URL
 * can be conditional ({@code If-None-Match}) and a 304 can reuse the body: a sweep then costs the
 * API little. Bodies are kept deflated (JSON shrinks about tenfold) in a Caffeine cache bounded by
 * {@code probe.conditional-requests.cache-max-bytes}. A URL whose body was evicted is simply asked
 * for unconditionally.
 */
@ApplicationScoped
public class EtagCache {

  /**
   * A validator, the body it stands for (inflated when first read) and the body's SHA-256
   * (lower-case hex).
   */
  public record Entry(String etag, String contentType, AnswerBody content, String bodySha256) {

    /** The body, inflated now if it was not yet. */
    public byte[] body() {
      return content.bytes();
    }
  }

  private record Stored(
      String etag, String contentType, byte[] deflated, int length, String bodySha256) {}

  private final boolean enabled;
  private final Cache<String, Stored> cache;

  @Inject
  public EtagCache(ProbeConfig config) {
    this(config.conditionalRequests().enabled(), config.conditionalRequests().cacheMaxBytes());
  }

  EtagCache(boolean enabled, long maxBytes) {
    this.enabled = enabled;
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(Math.max(0, maxBytes))
            .<String, Stored>weigher((url, s) -> s.deflated.length + url.length() + 64)
            .build();
  }

  /** The validator to send for {@code url}, when one is known and its body still cached. */
  public Optional<String> etagFor(String url) {
    if (!enabled) {
      return Optional.empty();
    }
    Stored stored = cache.getIfPresent(url);
    return stored == null ? Optional.empty() : Optional.of(stored.etag());
  }

  /** The cached entry for {@code url} whose validator is {@code etag}. */
  public Optional<Entry> lookup(String url, String etag) {
    Stored stored = cache.getIfPresent(url);
    if (stored == null || (etag != null && !etag.equals(stored.etag()))) {
      return Optional.empty();
    }
    return Optional.of(
        new Entry(
            stored.etag(),
            stored.contentType(),
            AnswerBody.deferred(stored.length(), () -> inflate(stored)),
            stored.bodySha256()));
  }

  /** Remembers a 200 answer that carried an ETag. */
  public void remember(String url, String etag, String contentType, byte[] body) {
    remember(url, etag, contentType, body, ApiResponseCaptured.sha256Hex(body));
  }

  /**
   * Remembers a 200 answer that carried an ETag, with the SHA-256 (lower-case hex) of its body
   * already computed.
   */
  public void remember(
      String url, String etag, String contentType, byte[] body, String bodySha256) {
    if (enabled && etag != null && !etag.isBlank()) {
      cache.put(url, new Stored(etag, contentType, deflate(body), body.length, bodySha256));
    }
  }

  /** Forgets {@code url} (for example after its cached body turned out unusable). */
  public void forget(String url) {
    cache.invalidate(url);
  }

  /** Forgets every entry: the next request of each URL is unconditional. */
  public void clear() {
    cache.invalidateAll();
  }

  private static byte[] deflate(byte[] body) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 8));
    try (DeflaterOutputStream stream = new DeflaterOutputStream(out, deflater, 8192)) {
      stream.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deflater.end();
    }
    return out.toByteArray();
  }

  private static byte[] inflate(Stored stored) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(stored.deflated());
      byte[] body = new byte[stored.length()];
      int read = 0;
      while (read < body.length && !inflater.finished()) {
        read += inflater.inflate(body, read, body.length - read);
      }
      return body;
    } catch (DataFormatException e) {
      throw new IllegalStateException("corrupt cache entry", e);
    } finally {
      inflater.end();
    }
  }
}
