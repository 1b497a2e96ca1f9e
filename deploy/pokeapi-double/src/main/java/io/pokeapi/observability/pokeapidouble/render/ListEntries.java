package io.pokeapi.observability.pokeapidouble.render;

/**
 * A list file rendered for one base URL: the minified {@code results} entries back to back, comma
 * separated, so that any page is one contiguous slice, plus the {@code count} value.
 *
 * @param bytes the entries, {@code e0,e1,...}
 * @param starts where entry {@code i} starts
 * @param ends where entry {@code i} ends (exclusive)
 * @param countJson the {@code count} value as JSON text
 * @param countValue the {@code count} value as JavaScript would compare it
 */
record ListEntries(byte[] bytes, int[] starts, int[] ends, String countJson, double countValue) {

  int size() {
    return starts.length;
  }
}
