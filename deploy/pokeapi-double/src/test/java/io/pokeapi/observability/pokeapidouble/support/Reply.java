package io.pokeapi.observability.pokeapidouble.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP answer as a test sees it.
 *
 * @param status the status code
 * @param headers header values by lower-cased name
 * @param body the body bytes (as received, not decompressed)
 */
public record Reply(int status, Map<String, List<String>> headers, byte[] body) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The first value of a header, or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body parsed as JSON. */
  public JsonNode json() {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text(), e);
    }
  }
}
