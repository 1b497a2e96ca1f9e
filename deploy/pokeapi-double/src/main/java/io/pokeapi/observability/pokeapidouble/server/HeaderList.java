package io.pokeapi.observability.pokeapidouble.server;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A fixed list of response headers, built once and added to responses as they are. */
final class HeaderList {

  private final CharSequence[] namesAndValues;

  private HeaderList(CharSequence[] namesAndValues) {
    this.namesAndValues = namesAndValues;
  }

  /** The headers {@code name1, value1, name2, value2...}; null values are left out. */
  static HeaderList of(CharSequence... namesAndValues) {
    List<CharSequence> kept = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        kept.add(namesAndValues[i]);
        kept.add(namesAndValues[i + 1]);
      }
    }
    return new HeaderList(kept.toArray(CharSequence[]::new));
  }

  /** These headers followed by more. */
  HeaderList plus(CharSequence... more) {
    CharSequence[] joined = Arrays.copyOf(namesAndValues, namesAndValues.length);
    return of(concat(joined, more));
  }

  /** These headers without any of the given names. */
  HeaderList without(CharSequence name) {
    List<CharSequence> kept = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (!namesAndValues[i].toString().equalsIgnoreCase(name.toString())) {
        kept.add(namesAndValues[i]);
        kept.add(namesAndValues[i + 1]);
      }
    }
    return new HeaderList(kept.toArray(CharSequence[]::new));
  }

  /** Adds these headers to a response's headers. */
  void addTo(MultiMap headers) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(namesAndValues[i], namesAndValues[i + 1]);
    }
  }

  private static CharSequence[] concat(CharSequence[] a, CharSequence[] b) {
    CharSequence[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
