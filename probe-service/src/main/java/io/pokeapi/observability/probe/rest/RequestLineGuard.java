package io.pokeapi.observability.probe.rest;

import io.quarkus.micrometer.runtime.binder.vertx.HttpRequestMetric;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Checks the request line before anything else routes it, so that what Quarkus or Vert.x would
 * reject with an empty answer gets RFC 9457 problem details naming the part at fault: a URI longer
 * than {@link #MAX_URI_CHARS} is 414, bad percent-encoding (a {@code %} not followed by two hex
 * digits) in the path or the query is 400. A Vert.x-level failure of any route that left no answer
 * also becomes problem details. ({@code quarkus.http.limits.max-initial-line-length} is set above
 * this limit, so that such URIs reach this check instead of Vert.x's own empty 414.)
 */
@ApplicationScoped
public class RequestLineGuard {

  /** The longest URI (path and query) the API reads. */
  static final int MAX_URI_CHARS = 8192;

  private static final Pattern BAD_PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  /** RFC 3986 path characters (percent-escapes checked apart). */
  private static final Pattern LEGAL_PATH = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@/%]*");

  /** RFC 3986 query characters of one parameter. */
  private static final Pattern LEGAL_QUERY = Pattern.compile("[A-Za-z0-9\\-._~!$'()*+,=:@/?%]*");

  private static final Pattern LEGAL_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(RequestLineGuard::check);
    router.route().order(Integer.MIN_VALUE).failureHandler(RequestLineGuard::failed);
    // what the router itself rejects (a path it cannot decode) reaches no route: its error handlers
    for (int status : new int[] {400, 404, 405, 413, 414, 415, 431, 500, 501, 503}) {
      router.errorHandler(status, RequestLineGuard::failed);
    }
  }

  /** Why the request line is unacceptable: status, the part at fault and why; or null. */
  private record Rejection(int status, String title, String field, String message) {}

  private static Rejection inspect(String uri) {
    if (uri.length() > MAX_URI_CHARS) {
      return new Rejection(
          414,
          "URI Too Long",
          "uri",
          "is " + uri.length() + " characters long, more than the " + MAX_URI_CHARS + " allowed");
    }
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    if (BAD_PERCENT.matcher(path).find() || !LEGAL_PATH.matcher(path).matches()) {
      return new Rejection(
          400,
          "Bad Request",
          "path",
          "is not a valid URI path (bad percent-encoding or a character that must be encoded)");
    }
    if (query >= 0) {
      for (String pair : uri.substring(query + 1).split("[&;]", -1)) {
        if (BAD_PERCENT.matcher(pair).find() || !LEGAL_QUERY.matcher(pair).matches()) {
          int eq = pair.indexOf('=');
          String name = eq < 0 ? pair : pair.substring(0, eq);
          boolean nameReadable = LEGAL_NAME.matcher(name).matches();
          return new Rejection(
              400,
              "Bad Request",
              nameReadable ? name : "query",
              "is not valid in a URI query (bad percent-encoding or a character that must be"
                  + " encoded)");
        }
      }
    }
    return null;
  }

  private static void check(RoutingContext context) {
    Rejection rejection = inspect(context.request().uri());
    if (rejection != null) {
      problem(
          context, rejection.status(), rejection.title(), rejection.field(), rejection.message());
      return;
    }
    context.next();
  }

  private static void failed(RoutingContext context) {
    if (context.response().headWritten()) {
      return;
    }
    int status = context.statusCode() >= 400 ? context.statusCode() : 500;
    if (status == 400 || status == 414) {
      Rejection rejection = inspect(context.request().uri());
      if (rejection != null) {
        problem(
            context, rejection.status(), rejection.title(), rejection.field(), rejection.message());
        return;
      }
    }
    String title =
        switch (status) {
          case 400 -> "Bad Request";
          case 404 -> "Not Found";
          case 405 -> "Method Not Allowed";
          case 413 -> "Content Too Large";
          case 414 -> "URI Too Long";
          case 415 -> "Unsupported Media Type";
          case 431 -> "Request Header Fields Too Large";
          default -> status >= 500 ? "Internal Server Error" : "HTTP " + status;
        };
    problem(
        context,
        status,
        title,
        null,
        status >= 500 ? "the probe failed to handle the request; see its log" : title);
  }

  private static void problem(
      RoutingContext context, int status, String title, String field, String message) {
    // one metrics series for every rejected request, not one per hostile URI
    HttpRequestMetric metric = HttpRequestMetric.getRequestMetric(context);
    if (metric != null) {
      metric.setTemplatePath("/rejected");
    }
    JsonObject body =
        new JsonObject()
            .put("type", "urn:pokeapi-observability:problem:" + slug(title))
            .put("title", title)
            .put("status", status)
            .put("detail", field == null ? message : field + " " + message)
            .put("instance", safePath(context));
    if (field != null) {
      body.put(
          "errors",
          new JsonArray().add(new JsonObject().put("field", field).put("message", message)));
    }
    context
        .response()
        .setStatusCode(status)
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .end(Buffer.buffer(body.encode()));
  }

  private static String slug(String title) {
    return title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
  }

  /** The request path, cut short and with control characters dropped, for {@code instance}. */
  private static String safePath(RoutingContext context) {
    String uri = context.request().uri();
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    path = path.length() > 200 ? path.substring(0, 200) : path;
    return path.replaceAll("[\\p{Cntrl}]", "");
  }
}
