package io.pokeapi.observability.probe.rest;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Checks the request line before anything else routes it, so that what Vert.x would reject with an
 * empty answer gets RFC 9457 problem details naming the part at fault: a URI longer than {@link
 * #MAX_URI_CHARS} is 414, bad percent-encoding (a {@code %} not followed by two hex digits) in the
 * path or the query is 400. A Vert.x-level failure of any route that left no answer also becomes
 * problem details. ({@code quarkus.http.limits.max-initial-line-length} is set above this limit, so
 * that such URIs reach this check instead of Vert.x's own empty 414.)
 */
@ApplicationScoped
public class RequestLineGuard {

  /** The longest URI (path and query) the API reads. */
  static final int MAX_URI_CHARS = 8192;

  private static final Pattern BAD_PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::check);
    router.route().order(Integer.MIN_VALUE).failureHandler(RequestLineGuard::failed);
  }

  private void check(RoutingContext context) {
    String uri = context.request().uri();
    if (uri.length() > MAX_URI_CHARS) {
      problem(
          context,
          414,
          "URI Too Long",
          "uri",
          "is " + uri.length() + " characters long, more than the " + MAX_URI_CHARS + " allowed");
      return;
    }
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    if (BAD_PERCENT.matcher(path).find()) {
      problem(
          context,
          400,
          "Bad Request",
          "path",
          "has a '%' not followed by two hexadecimal digits (bad percent-encoding)");
      return;
    }
    if (query >= 0) {
      for (String pair : uri.substring(query + 1).split("&", -1)) {
        if (BAD_PERCENT.matcher(pair).find() || pair.indexOf('\0') >= 0) {
          int eq = pair.indexOf('=');
          String name = eq < 0 ? pair : pair.substring(0, eq);
          problem(
              context,
              400,
              "Bad Request",
              BAD_PERCENT.matcher(name).find() || name.isEmpty() ? "query" : name,
              "has a '%' not followed by two hexadecimal digits (bad percent-encoding)");
          return;
        }
      }
    }
    context.next();
  }

  private static void failed(RoutingContext context) {
    if (context.response().headWritten()) {
      return;
    }
    int status = context.statusCode() >= 400 ? context.statusCode() : 500;
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
