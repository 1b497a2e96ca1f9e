package io.pokeapi.observability.pokeapidouble.server;

/** Whether an {@code Accept-Encoding} value lets the double send gzip, read without allocating. */
final class AcceptEncoding {

  private AcceptEncoding() {}

  /** True when {@code gzip}, {@code x-gzip} or {@code *} is listed with a q-value above 0. */
  static boolean allowsGzip(String header) {
    if (header == null) {
      return false;
    }
    int length = header.length();
    int i = 0;
    while (i < length) {
      int end = header.indexOf(',', i);
      if (end < 0) {
        end = length;
      }
      int semicolon = header.indexOf(';', i);
      int codingEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
      int start = skipSpaces(header, i, codingEnd);
      int stop = trimEnd(header, start, codingEnd);
      if ((matches(header, start, stop, "gzip")
              || matches(header, start, stop, "x-gzip")
              || matches(header, start, stop, "*"))
          && !zeroQuality(header, codingEnd, end)) {
        return true;
      }
      i = end + 1;
    }
    return false;
  }

  private static boolean zeroQuality(String header, int from, int to) {
    int q = header.indexOf("q=", from);
    if (q < 0 || q >= to) {
      return false;
    }
    for (int i = q + 2; i < to; i++) {
      char c = header.charAt(i);
      if (c >= '1' && c <= '9') {
        return false;
      }
      if (c != '0' && c != '.') {
        break;
      }
    }
    return true;
  }

  private static boolean matches(String header, int start, int stop, String coding) {
    return stop - start == coding.length()
        && header.regionMatches(true, start, coding, 0, stop - start);
  }

  private static int skipSpaces(String text, int from, int to) {
    while (from < to && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
      from++;
    }
    return from;
  }

  private static int trimEnd(String text, int from, int to) {
    while (to > from && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\t')) {
      to--;
    }
    return to;
  }
}
