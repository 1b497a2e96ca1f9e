package io.pokeapi.observability.probe.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and judges the {@code next} and {@code previous} links of a list page: an absolute URL of
 * the same list ({@code .../api/v2/<endpoint>/}) whose {@code offset} and {@code limit} are the
 * expected numbers, or {@code null} at the ends.
 */
final class PageLinks {

  private PageLinks() {}

  /**
   * Why {@code link} is not a well-formed link to the page at {@code offset} with {@code limit} of
   * {@code endpoint}, or empty when it is. {@code offset} {@code null} means the link must be JSON
   * null.
   */
  static Optional<String> problem(JsonNode link, String endpoint, Long offset, long limit) {
    if (offset == null) {
      return link == null || link.isNull()
          ? Optional.empty()
          : Optional.of("expected null, got " + link);
    }
    if (link == null || !link.isTextual()) {
      return Optional.of(
          "expected a URL with offset=" + offset + "&limit=" + limit + ", got " + link);
    }
    URI uri;
    try {
      uri = new URI(link.asText());
    } catch (URISyntaxException e) {
      return Optional.of("not a URL: " + link.asText());
    }
    if (!uri.isAbsolute() || uri.getHost() == null) {
      return Optional.of("not an absolute URL: " + link.asText());
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (!path.endsWith("/api/v2/" + endpoint + "/") && !path.endsWith("/api/v2/" + endpoint)) {
      return Optional.of("does not point at the " + endpoint + " list: " + link.asText());
    }
    Map<String, String> query = query(uri);
    String actualOffset = query.get("offset");
    String actualLimit = query.get("limit");
    if (!Long.toString(offset).equals(actualOffset) || !Long.toString(limit).equals(actualLimit)) {
      return Optional.of(
          "expected offset="
              + offset
              + "&limit="
              + limit
              + ", got offset="
              + actualOffset
              + "&limit="
              + actualLimit);
    }
    return Optional.empty();
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> out = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return out;
  }
}
