package io.pokeapi.observability.pokeapidouble.server;

import io.pokeapi.observability.pokeapidouble.data.ApiDataLayout;
import io.pokeapi.observability.pokeapidouble.data.DataSet;
import io.pokeapi.observability.pokeapidouble.data.EndpointData;
import java.util.Locale;

/**
 * Where a raw request path leads, decided as the live stack decides it: Firebase Hosting sends
 * {@code /api/**} to the function and redirects {@code /api/v1/}; Express matches {@code /api/v2/},
 * {@code /api/v2/:endpoint/}, {@code /api/v2/:endpoint/:id/} and {@code
 * /api/v2/:endpoint/:id/:extra/} (one optional trailing slash, no empty segment), decodes each
 * parameter, and answers 400 unless the endpoint is known, the id matches {@code [\w-]+} and the
 * extra segment is {@code encounters}.
 *
 * @param kind the outcome
 * @param endpoint the endpoint, for {@link Kind#LIST}, {@link Kind#RESOURCE} and {@link
 *     Kind#ENCOUNTERS}; also for a 400 whose endpoint is known
 * @param key the id or name, lower-cased, for resources and encounters
 */
record ApiRoute(Kind kind, EndpointData endpoint, String key) {

  /** Route outcomes. */
  enum Kind {
    ROOT,
    LIST,
    RESOURCE,
    ENCOUNTERS,
    BAD_REQUEST,
    NO_ROUTE,
    REDIRECT_V1,
    OUTSIDE_API
  }

  private static final String V2 = "/api/v2";
  private static final ApiRoute ROOT = new ApiRoute(Kind.ROOT, null, null);
  private static final ApiRoute BAD_REQUEST = new ApiRoute(Kind.BAD_REQUEST, null, null);
  private static final ApiRoute NO_ROUTE = new ApiRoute(Kind.NO_ROUTE, null, null);
  private static final ApiRoute REDIRECT_V1 = new ApiRoute(Kind.REDIRECT_V1, null, null);
  private static final ApiRoute OUTSIDE_API = new ApiRoute(Kind.OUTSIDE_API, null, null);

  /** Routes a raw (still percent-encoded) path against the endpoints of {@code data}. */
  static ApiRoute of(String rawPath, DataSet data) {
    if (!rawPath.startsWith("/api/")) {
      return rawPath.equals("/api") ? NO_ROUTE : OUTSIDE_API;
    }
    if (rawPath.startsWith("/api/v1/") || rawPath.equals("/api/v1")) {
      return REDIRECT_V1;
    }
    if (!rawPath.startsWith(V2)) {
      return NO_ROUTE;
    }
    int length = rawPath.length();
    if (length == V2.length() || (length == V2.length() + 1 && rawPath.charAt(length - 1) == '/')) {
      return ROOT;
    }
    if (rawPath.charAt(V2.length()) != '/') {
      return NO_ROUTE;
    }
    int start = V2.length() + 1;
    int end = rawPath.charAt(length - 1) == '/' ? length - 1 : length;
    int first = rawPath.indexOf('/', start);
    if (first < 0 || first >= end) {
      return list(rawPath, start, end, data);
    }
    int second = rawPath.indexOf('/', first + 1);
    if (second >= 0 && second < end) {
      if (rawPath.indexOf('/', second + 1) >= 0 && rawPath.indexOf('/', second + 1) < end) {
        return NO_ROUTE;
      }
      return resource(rawPath, start, first, first + 1, second, second + 1, end, data);
    }
    return resource(rawPath, start, first, first + 1, end, -1, -1, data);
  }

  private static ApiRoute list(String rawPath, int start, int end, DataSet data) {
    if (start == end) {
      return NO_ROUTE;
    }
    String name = PercentDecoding.decode(rawPath, start, end);
    EndpointData endpoint = name == null ? null : data.endpoint(name);
    return endpoint == null ? BAD_REQUEST : new ApiRoute(Kind.LIST, endpoint, null);
  }

  private static ApiRoute resource(
      String rawPath,
      int endpointStart,
      int endpointEnd,
      int idStart,
      int idEnd,
      int extraStart,
      int extraEnd,
      DataSet data) {
    if (endpointStart == endpointEnd
        || idStart == idEnd
        || (extraStart >= 0 && extraStart == extraEnd)) {
      return NO_ROUTE;
    }
    String name = PercentDecoding.decode(rawPath, endpointStart, endpointEnd);
    String id = PercentDecoding.decode(rawPath, idStart, idEnd);
    String extra = extraStart < 0 ? null : PercentDecoding.decode(rawPath, extraStart, extraEnd);
    if (name == null || id == null || (extraStart >= 0 && extra == null)) {
      return BAD_REQUEST;
    }
    EndpointData endpoint = data.endpoint(name);
    if (extra != null && !extra.equals(ApiDataLayout.ENCOUNTERS)) {
      return new ApiRoute(Kind.BAD_REQUEST, endpoint, null);
    }
    if (endpoint == null || !isWordOrDash(id)) {
      return new ApiRoute(Kind.BAD_REQUEST, endpoint, null);
    }
    return new ApiRoute(
        extra == null ? Kind.RESOURCE : Kind.ENCOUNTERS, endpoint, id.toLowerCase(Locale.ROOT));
  }

  /** {@code /^[\w\d-_]+$/} without the {@code u} flag: ASCII letters, digits, _ and -. */
  static boolean isWordOrDash(String id) {
    if (id.isEmpty()) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
