package io.pokeapi.observability.diff.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.pokeapi.observability.diff.config.DiffConfig;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Problem details for what is rejected before JAX-RS sees a request: a URI longer than {@code
 * diff.http.max-uri-length} (414), a path or query with bad percent-encoding (400 naming {@code
 * path} or {@code query}), and any failure of a Vert.x route that left no answer. The HTTP codec's
 * own line limit ({@code quarkus.http.limits.max-initial-line-length}) is set well above the URI
 * limit, so that the codec's bare 414 only answers request lines no client sends.
 */
@ApplicationScoped
@RegisterForReflection
public class HttpProblemRoutes {

  private static final Logger LOG = Logger.getLogger(HttpProblemRoutes.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TYPE_BASE = "https://pokeapi-observability.io/problems/";

  private final int maxUriLength;

  public HttpProblemRoutes(DiffConfig config) {
    this.maxUriLength = config.http().maxUriLength();
  }

  /**
   * Checks every request before any other route, and answers failures no other handler answered.
   */
  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::checkUri);
    router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    // what the router rejects before any route or filter runs (a path it cannot decode or
    // normalise) reaches only its error handlers
    for (int status : new int[] {400, 413, 414, 431}) {
      router.errorHandler(status, this::failure);
    }
  }

  private void checkUri(RoutingContext ctx) {
    if (!rejected(ctx)) {
      ctx.next();
    }
  }

  /** Answers a URI that is too long or badly encoded; {@code false} when it is neither. */
  private boolean rejected(RoutingContext ctx) {
    String uri = ctx.request().uri();
    if (uri.length() > maxUriLength) {
      send(
          ctx,
          414,
          "uri-too-long",
          "URI too long",
          "The request URI is " + uri.length() + " characters long; at most " + maxUriLength,
          List.of(
              new Problem.InvalidParam("uri", "must be at most " + maxUriLength + " characters")));
      return true;
    }
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    String field = "path";
    try {
      QueryStringDecoder.decodeComponent(path, StandardCharsets.UTF_8);
      if (query >= 0) {
        field = "query";
        new QueryStringDecoder(uri, StandardCharsets.UTF_8).parameters();
      }
    } catch (IllegalArgumentException e) {
      send(
          ctx,
          400,
          "invalid-parameter",
          "Invalid request parameter",
          "The " + field + " is not valid percent-encoded UTF-8",
          List.of(new Problem.InvalidParam(field, "is not valid percent-encoded UTF-8")));
      return true;
    }
    return false;
  }

  private void failure(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.next();
      return;
    }
    int status = ctx.statusCode() < 400 ? 500 : ctx.statusCode();
    if (status >= 500) {
      LOG.errorf(ctx.failure(), "Request %s failed", ctx.request().path());
      send(
          ctx,
          500,
          "internal-error",
          "Internal error",
          "The request could not be answered; the error is in the service's log",
          List.of());
    } else if (!rejected(ctx)) {
      send(
          ctx,
          status,
          "http-" + status,
          "Bad request",
          "The request is not valid",
          List.of(new Problem.InvalidParam("request", "is not a valid HTTP request")));
    }
  }

  private static void send(
      RoutingContext ctx,
      int status,
      String type,
      String title,
      String detail,
      List<Problem.InvalidParam> params) {
    String instance = ctx.request().path();
    if (instance != null && instance.length() > 200) {
      instance = instance.substring(0, 200);
    }
    String body;
    try {
      body =
          JSON.writeValueAsString(
              new Problem(TYPE_BASE + type, title, status, detail, instance, params));
    } catch (JsonProcessingException e) {
      body = "{\"status\":" + status + "}";
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(body);
  }
}
