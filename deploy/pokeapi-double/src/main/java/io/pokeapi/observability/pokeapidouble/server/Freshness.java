package io.pokeapi.observability.pokeapidouble.server;

/**
 * The {@code fresh} check Express makes before answering 304: the request's {@code If-None-Match}
 * lists the body's ETag (weak comparison) or is {@code *}, and its {@code Cache-Control} does not
 * say {@code no-cache}.
 */
final class Freshness {

  private Freshness() {}

  static boolean isFresh(String ifNoneMatch, String cacheControl, CharSequence etag) {
    if (ifNoneMatch == null || etag == null) {
      return false;
    }
    if (cacheControl != null && saysNoCache(cacheControl)) {
      return false;
    }
    if (ifNoneMatch.trim().equals("*")) {
      return true;
    }
    String tag = etag.toString();
    boolean weak = tag.startsWith("W/");
    String opaque = weak ? tag.substring(2) : tag;
    int length = ifNoneMatch.length();
    int i = 0;
    while (i < length) {
      while (i < length && (ifNoneMatch.charAt(i) == ' ' || ifNoneMatch.charAt(i) == ',')) {
        i++;
      }
      int start = i;
      while (i < length && ifNoneMatch.charAt(i) != ' ' && ifNoneMatch.charAt(i) != ',') {
        i++;
      }
      if (i > start) {
        int tokenStart = ifNoneMatch.startsWith("W/", start) ? start + 2 : start;
        if (i - tokenStart == opaque.length()
            && ifNoneMatch.regionMatches(tokenStart, opaque, 0, opaque.length())) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code /(?:^|,)\s*?no-cache\s*?(?:,|$)/}. */
  private static boolean saysNoCache(String cacheControl) {
    for (String directive : cacheControl.split(",")) {
      if (directive.strip().equals("no-cache")) {
        return true;
      }
    }
    return false;
  }
}
