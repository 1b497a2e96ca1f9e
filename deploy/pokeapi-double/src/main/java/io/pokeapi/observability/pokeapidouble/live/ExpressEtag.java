package io.pokeapi.observability.pokeapidouble.live;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The weak ETag Express ({@code etag} package) puts on every body the live function sends: {@code
 * W/"<length in hex>-<first 27 characters of the base64 SHA-1 of the body>"}.
 */
public final class ExpressEtag {

  private ExpressEtag() {}

  /** The ETag of the whole array. */
  public static String of(byte[] body) {
    return of(body, 0, body.length);
  }

  /** The ETag of {@code body[offset, offset + length)}. */
  public static String of(byte[] body, int offset, int length) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
    sha1.update(body, offset, length);
    String hash = Base64.getEncoder().encodeToString(sha1.digest()).substring(0, 27);
    return "W/\"" + Integer.toHexString(length) + "-" + hash + "\"";
  }
}
