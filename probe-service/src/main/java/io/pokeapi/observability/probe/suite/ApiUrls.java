package io.pokeapi.observability.probe.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code url} fields of PokéAPI bodies and the request paths they stand for. */
final class ApiUrls {

  private static final String API_PREFIX = "/api/v2/";

  private ApiUrls() {}

  /**
   * The path relative to the base URL ({@code type/10/}) of a {@code url} value, absolute ({@code
   * https://pokeapi.co/api/v2/type/10/}) or relative ({@code /api/v2/type/10/}); empty when it is
   * not a PokéAPI v2 URL.
   */
  static Optional<String> relativePath(String url) {
    if (url == null) {
      return Optional.empty();
    }
    String path;
    try {
      path = URI.create(url.trim()).getPath();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (path == null) {
      return Optional.empty();
    }
    int at = path.indexOf(API_PREFIX);
    if (at < 0) {
      return Optional.empty();
    }
    String rest = path.substring(at + API_PREFIX.length());
    return rest.isEmpty() ? Optional.empty() : Optional.of(rest);
  }

  /** The id at the end of a resource url ({@code .../pokemon/25/} gives 25), if numeric. */
  static Optional<String> lastSegment(String url) {
    return relativePath(url)
        .map(p -> p.replaceAll("/+$", ""))
        .map(p -> p.substring(p.lastIndexOf('/') + 1))
        .filter(s -> !s.isEmpty());
  }

  /** Every distinct string value of a field named {@code url}, in document order. */
  static List<String> collect(JsonNode body) {
    Set<String> out = new LinkedHashSet<>();
    collect(body, out);
    return new ArrayList<>(out);
  }

  private static void collect(JsonNode node, Set<String> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().equals("url") && field.getValue().isTextual()) {
          out.add(field.getValue().asText());
        } else {
          collect(field.getValue(), out);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        collect(item, out);
      }
    }
  }

  /** Up to {@code n} items spread evenly over {@code items} (first and last included). */
  static <T> List<T> spread(List<T> items, int n) {
    if (n <= 0 || items.isEmpty()) {
      return List.of();
    }
    if (items.size() <= n) {
      return List.copyOf(items);
    }
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int index = n == 1 ? 0 : (int) Math.round((double) i * (items.size() - 1) / (n - 1));
      out.add(items.get(index));
    }
    return out;
  }
}
