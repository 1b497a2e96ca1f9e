package io.pokeapi.observability.common.contract;

import java.util.Random;

/**
 * Generates a pokemon-shaped JSON body whose bulk is random printable text, so that compression
 * cannot shrink it much: a stand-in for the largest PokéAPI bodies that no codec can hide.
 */
final class IncompressibleJson {

  /** Printable ASCII without the characters JSON strings must escape. */
  private static final char[] ALPHABET = alphabet();

  private IncompressibleJson() {}

  /** A body of at least {@code minBytes} UTF-8 bytes (all ASCII), the same for the same seed. */
  static String pokemonLike(int minBytes, long seed) {
    Random random = new Random(seed);
    StringBuilder json = new StringBuilder(minBytes + 4096);
    json.append(
        "{\"id\": 151, \"name\": \"mew\", \"base_experience\": 300, \"flavor_text_entries\": [");
    int entry = 0;
    while (json.length() < minBytes) {
      if (entry > 0) {
        json.append(", ");
      }
      json.append("{\"flavor_text\": \"");
      for (int i = 0; i < 2000; i++) {
        json.append(ALPHABET[random.nextInt(ALPHABET.length)]);
      }
      json.append("\", \"language\": {\"name\": \"en\", \"url\": \"/api/v2/language/9/\"}")
          .append(", \"version\": {\"name\": \"v")
          .append(entry)
          .append("\", \"url\": \"/api/v2/version/")
          .append(entry + 1)
          .append("/\"}}");
      entry++;
    }
    return json.append("]}").toString();
  }

  private static char[] alphabet() {
    StringBuilder chars = new StringBuilder();
    for (char c = ' '; c <= '~'; c++) {
      if (c != '"' && c != '\\') {
        chars.append(c);
      }
    }
    return chars.toString().toCharArray();
  }
}
