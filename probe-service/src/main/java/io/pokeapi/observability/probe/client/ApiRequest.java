package io.pokeapi.observability.probe.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One GET the probe wants to make: a path relative to the base URL (for example {@code
 * pokemon/25/}, {@code Pokemon/PIKACHU}, {@code type/}), exactly as it should go on the wire apart
 * from percent-encoding, and query parameters in order.
 */
public record ApiRequest(String path, Map<String, String> query) {

  public ApiRequest {
    Objects.requireNonNull(path, "path");
    path = path.replaceFirst("^/+", "");
    query = query == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(query));
  }

  /** A GET of {@code path} without query parameters. */
  public static ApiRequest of(String path) {
    return new ApiRequest(path, Map.of());
  }

  /** A GET of a list page of {@code endpoint} ({@code endpoint/?offset=..&limit=..}). */
  public static ApiRequest page(String endpoint, long offset, long limit) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("offset", Long.toString(offset));
    query.put("limit", Long.toString(limit));
    return new ApiRequest(endpoint + "/", query);
  }

  /** A copy with one more query parameter. */
  public ApiRequest withQuery(String name, String value) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.put(name, value);
    return new ApiRequest(path, q);
  }

  /** The metric label of this request: its endpoint, never an id. */
  public String endpointLabel() {
    return Endpoints.labelOf(path);
  }

  /** The first path segment as requested (for events), {@code root} for the base URL itself. */
  public String endpointName() {
    String first = path.split("[/?]", 2)[0];
    return first.isEmpty() ? Endpoints.ROOT : first;
  }

  /**
   * What this request asks for within its endpoint: the id or name ({@code 25}, {@code pikachu},
   * {@code 25/encounters}), or {@code list} for a list page, followed by the query if any.
   */
  public String resourceKey() {
    String[] parts = path.split("/", 2);
    String rest = parts.length > 1 ? parts[1].replaceAll("^/+|/+$", "") : "";
    if (path.isEmpty()) {
      rest = "index";
    } else if (rest.isEmpty()) {
      rest = "list";
    }
    return query.isEmpty() ? rest : rest + "?" + queryString();
  }

  /** The path with each segment percent-encoded and the slashes kept. */
  public String encodedPath() {
    StringBuilder out = new StringBuilder();
    String[] segments = path.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        out.append('/');
      }
      out.append(encodeSegment(segments[i]));
    }
    return out.toString();
  }

  /** The query as it goes on the wire ({@code offset=0&limit=20}), or {@code ""}. */
  public String queryString() {
    return query.entrySet().stream()
        .map(e -> encodeQuery(e.getKey()) + "=" + encodeQuery(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  /** The full URL against {@code baseUrl}. */
  public String url(String baseUrl) {
    String base = baseUrl.replaceAll("/+$", "");
    String q = queryString();
    return base + "/" + encodedPath() + (q.isEmpty() ? "" : "?" + q);
  }

  private static String encodeSegment(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String encodeQuery(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    String q = queryString();
    return path + (q.isEmpty() ? "" : "?" + q);
  }
}
