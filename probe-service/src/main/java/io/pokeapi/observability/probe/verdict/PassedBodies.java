package io.pokeapi.observability.probe.verdict;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pokeapi.observability.probe.config.ProbeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bodies that passed a deterministic validation (a model, a published JSON Schema), remembered
 * by the SHA-256 of what was validated, so that the same bytes are not validated again: an
 * unchanged sweep gets the same bodies back (from the ETag cache after a 304) and each check still
 * runs and is recorded per resource, but a body seen to pass costs a hash instead of a validation.
 * Only passes are remembered, so a failing body is validated, and reported in full, every time.
 *
 * <p>Bounded by {@code probe.passed-bodies.max-entries} (about 100 bytes each); {@code 0} turns it
 * off. A validation whose rules can change while the service runs must put what identifies the
 * rules in its {@code kind}.
 */
@ApplicationScoped
public class PassedBodies {

  /** A validation and the first 128 bits of the SHA-256 of its input. */
  public record Key(String kind, long high, long low) {}

  private final Cache<Key, Boolean> passed;
  private final boolean enabled;

  @Inject
  public PassedBodies(ProbeConfig config) {
    this(config.passedBodies().maxEntries());
  }

  /** A memo of at most {@code maxEntries} passes; {@code 0} remembers nothing. */
  public PassedBodies(long maxEntries) {
    this.enabled = maxEntries > 0;
    this.passed = Caffeine.newBuilder().maximumSize(Math.max(0, maxEntries)).build();
  }

  /** The key of {@code text} (its UTF-8 bytes) for the validation {@code kind}. */
  public Key keyOf(String kind, String text) {
    if (!enabled) {
      return null;
    }
    MessageDigest digest = sha256();
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    return key(kind, digest.digest());
  }

  /**
   * The key of the body whose SHA-256 is {@code sha256Hex} (lower-case or upper-case hex, as {@code
   * HttpAnswer.bodySha256()} gives it, computed once per received body) for the validation {@code
   * kind}. A validation keyed this way must be a function of the body's bytes (its text, or the
   * tree parsed from them).
   */
  public Key keyOfDigest(String kind, String sha256Hex) {
    if (!enabled || sha256Hex == null || sha256Hex.length() < 32) {
      return null;
    }
    return new Key(
        kind,
        HexFormat.fromHexDigitsToLong(sha256Hex, 0, 16),
        HexFormat.fromHexDigitsToLong(sha256Hex, 16, 32));
  }

  /** Whether the input behind {@code key} passed before. */
  public boolean passed(Key key) {
    return key != null && passed.getIfPresent(key) != null;
  }

  /** Remembers that the input behind {@code key} passed. */
  public void rememberPass(Key key) {
    if (key != null) {
      passed.put(key, Boolean.TRUE);
    }
  }

  /** How many passes are remembered (for tests and diagnostics). */
  public long size() {
    passed.cleanUp();
    return passed.estimatedSize();
  }

  private static Key key(String kind, byte[] sha256) {
    ByteBuffer bytes = ByteBuffer.wrap(sha256);
    return new Key(kind, bytes.getLong(), bytes.getLong());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JDK", e);
    }
  }
}
