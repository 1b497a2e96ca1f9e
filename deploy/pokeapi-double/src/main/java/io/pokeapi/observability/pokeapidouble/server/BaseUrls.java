package io.pokeapi.observability.pokeapidouble.server;

/**
 * The base URL a request was made to (scheme and {@code Host}), which the {@code url} fields and
 * page links are built from. A {@code Host} that could not be a host name (or is too long) makes
 * the request a 400, as at any front end, and never reaches a body.
 */
final class BaseUrls {

  static final int MAX_HOST_LENGTH = 255;

  private BaseUrls() {}

  /** Whether a {@code Host} (or {@code X-Forwarded-Host}) value is a plausible host[:port]. */
  static boolean isValidHost(String host) {
    if (host == null || host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
      return false;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == '_'
              || c == ':'
              || c == '['
              || c == ']';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Whether a forwarded scheme is one the double will echo. */
  static boolean isValidScheme(String scheme) {
    return "http".equals(scheme) || "https".equals(scheme);
  }
}
