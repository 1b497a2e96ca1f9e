package io.pokeapi.observability.common.model;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders RFC 6901 JSON Pointers segment by segment, indexes by number: {@code /a/2} before {@code
 * /a/10}.
 */
final class JsonPointers {

  /** Compares segment lists, numerically where both segments are array indexes. */
  static final Comparator<List<String>> ORDER = JsonPointers::compare;

  private JsonPointers() {}

  /** The unescaped segments of a pointer; none for {@code ""}. */
  static List<String> segments(String pointer) {
    List<String> segments = new ArrayList<>();
    for (JsonPointer p = JsonPointer.compile(pointer); !p.matches(); p = p.tail()) {
      segments.add(p.getMatchingProperty());
    }
    return segments;
  }

  private static int compare(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compareSegment(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareSegment(String a, String b) {
    if (isIndex(a) && isIndex(b)) {
      int c = Integer.compare(a.length(), b.length());
      return c != 0 ? c : a.compareTo(b);
    }
    return a.compareTo(b);
  }

  private static boolean isIndex(String segment) {
    return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
  }
}
