package io.pokeapi.observability.pokeapidouble.server;

import static io.pokeapi.observability.pokeapidouble.server.HeaderValues.*;

import io.pokeapi.observability.pokeapidouble.MissingEncounters;
import io.pokeapi.observability.pokeapidouble.data.ApiDataLayout;
import io.pokeapi.observability.pokeapidouble.data.DataSet;
import io.pokeapi.observability.pokeapidouble.data.Document;
import io.pokeapi.observability.pokeapidouble.data.EndpointData;
import io.pokeapi.observability.pokeapidouble.fault.FaultDecision;
import io.pokeapi.observability.pokeapidouble.fault.FaultTable;
import io.pokeapi.observability.pokeapidouble.live.PageRequest;
import io.pokeapi.observability.pokeapidouble.metrics.EndpointMeters;
import io.pokeapi.observability.pokeapidouble.render.BaseRendering;
import io.pokeapi.observability.pokeapidouble.render.RenderException;
import io.pokeapi.observability.pokeapidouble.render.RenderedBody;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.lang.System.Logger.Level;

/**
 * Answers the requests of one event loop (one instance per server verticle, so its small
 * last-base-URL cache needs no synchronisation). The hot path for a cached resource reads the
 * current generation, routes the raw path without regular expressions, finds the rendered body by
 * array index and writes shared buffers with pre-encoded headers.
 */
final class ApiHandler implements Handler<HttpServerRequest> {

  private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());
  private static final String ADMIN_PREFIX = "/_admin";

  private final DoubleRuntime runtime;
  private final Handler<HttpServerRequest> admin;
  private final AdminReach adminReach;
  private final FaultResponder faults;
  private final boolean emptyEncounters;
  private final boolean trustForwarded;

  private Generation lastGeneration;
  private String lastHost;
  private BaseRendering lastBase;

  ApiHandler(DoubleRuntime runtime, Vertx vertx, Handler<HttpServerRequest> admin) {
    this.runtime = runtime;
    this.admin = admin;
    this.adminReach = AdminReach.of(runtime.config().adminHost());
    this.faults = new FaultResponder(vertx, runtime.stalled());
    this.emptyEncounters = runtime.config().missingEncounters() == MissingEncounters.EMPTY_LIST;
    this.trustForwarded = runtime.config().trustForwardedHeaders();
  }

  @Override
  public void handle(HttpServerRequest request) {
    String path = request.path();
    if (admin != null && isAdminPath(path) && adminReach.reaches(request.localAddress())) {
      admin.handle(request);
      return;
    }
    Generation generation = runtime.generation();
    ApiRoute route = ApiRoute.of(path, generation.data());
    EndpointMeters meters = meters(route, generation);
    HttpMethod method = request.method();
    boolean head = method == HttpMethod.HEAD;
    Answer answer;
    if (method == HttpMethod.GET || head) {
      answer = answer(request, route, generation, path);
    } else if (route.kind() == ApiRoute.Kind.OUTSIDE_API) {
      answer = FixedAnswers.OUTSIDE_API;
    } else if (method == HttpMethod.OPTIONS) {
      answer = FixedAnswers.preflight(request.headers().get(REQUEST_HEADERS));
    } else {
      answer = FixedAnswers.noRoute(method.name(), path);
    }
    FaultTable faultTable = runtime.faults().table();
    if (faultTable.isEmpty()) {
      AnswerWriter.send(request, answer, meters, head);
      return;
    }
    FaultDecision decision =
        faultTable.decide(meters.endpoint(), answer.hasBody() && !head, meters);
    if (decision.none()) {
      AnswerWriter.send(request, answer, meters, head);
    } else {
      faults.respond(request, answer, decision, meters, head);
    }
  }

  private static boolean isAdminPath(String path) {
    return path.startsWith(ADMIN_PREFIX)
        && (path.length() == ADMIN_PREFIX.length() || path.charAt(ADMIN_PREFIX.length()) == '/');
  }

  private EndpointMeters meters(ApiRoute route, Generation generation) {
    if (route.endpoint() != null) {
      return generation.meters(route.endpoint());
    }
    return route.kind() == ApiRoute.Kind.ROOT ? runtime.rootMeters() : runtime.unknownMeters();
  }

  private Answer answer(
      HttpServerRequest request, ApiRoute route, Generation generation, String path) {
    DataSet data = generation.data();
    EndpointData endpoint = route.endpoint();
    return switch (route.kind()) {
      case ROOT -> document(request, generation, data.root());
      case LIST -> {
        if (endpoint.list() != null) {
          yield page(request, generation, endpoint, path);
        }
        yield document(request, generation, endpoint.index());
      }
      case RESOURCE -> {
        int position = endpoint.find(route.key());
        yield position < 0
            ? FixedAnswers.NOT_FOUND
            : document(request, generation, endpoint.resource(position));
      }
      case ENCOUNTERS -> encounters(request, generation, endpoint, route.key());
      case BAD_REQUEST -> FixedAnswers.BAD_REQUEST;
      case NO_ROUTE -> FixedAnswers.noRoute(request.method().name(), path);
      case REDIRECT_V1 -> FixedAnswers.redirect(v2Location(request, path));
      case OUTSIDE_API -> FixedAnswers.OUTSIDE_API;
    };
  }

  private Answer encounters(
      HttpServerRequest request, Generation generation, EndpointData endpoint, String key) {
    int position = endpoint.find(key);
    if (position < 0) {
      return FixedAnswers.NOT_FOUND;
    }
    Document encounters = endpoint.encounters(position);
    if (encounters != null) {
      return document(request, generation, encounters);
    }
    if (emptyEncounters && ApiDataLayout.ENCOUNTERS_ENDPOINT.equals(endpoint.name())) {
      return ok(request, generation, FixedAnswers.EMPTY_ARRAY);
    }
    return FixedAnswers.NOT_FOUND;
  }

  private Answer document(HttpServerRequest request, Generation generation, Document document) {
    if (document == null) {
      return FixedAnswers.NOT_FOUND;
    }
    BaseRendering base = base(request, generation);
    if (base == null) {
      return FixedAnswers.BAD_REQUEST;
    }
    try {
      return ok(request, generation, base.document(document));
    } catch (RenderException e) {
      LOG.log(Level.ERROR, e.getMessage());
      return FixedAnswers.INTERNAL_SERVER_ERROR;
    }
  }

  private Answer page(
      HttpServerRequest request, Generation generation, EndpointData endpoint, String path) {
    BaseRendering base = base(request, generation);
    if (base == null) {
      return FixedAnswers.BAD_REQUEST;
    }
    PageRequest paging =
        PageRequest.fromQuery(request.getParam("offset"), request.getParam("limit"));
    try {
      return ok(request, generation, base.list(endpoint.list()).page(path, paging));
    } catch (RenderException e) {
      LOG.log(Level.ERROR, e.getMessage());
      return FixedAnswers.INTERNAL_SERVER_ERROR;
    }
  }

  private static Answer ok(HttpServerRequest request, Generation generation, RenderedBody body) {
    MultiMap headers = request.headers();
    String ifNoneMatch = headers.get(IF_NONE_MATCH);
    if (ifNoneMatch != null
        && Freshness.isFresh(ifNoneMatch, headers.get(REQUEST_CACHE_CONTROL), body.etag())) {
      return new Answer(304, generation.notModified(), body, true);
    }
    return new Answer(200, generation.success(), body);
  }

  /** The rendering for the base URL the client used; null when its Host is not a host. */
  private BaseRendering base(HttpServerRequest request, Generation generation) {
    MultiMap headers = request.headers();
    String host = headers.get(HOST);
    if (host == null) {
      host = request.localAddress().hostAddress() + ":" + runtime.port();
    }
    if (trustForwarded) {
      return forwardedBase(headers, host, generation);
    }
    if (generation == lastGeneration && host.equals(lastHost)) {
      return lastBase;
    }
    if (!BaseUrls.isValidHost(host)) {
      return null;
    }
    BaseRendering base = generation.renders().base("http://" + host);
    lastGeneration = generation;
    lastHost = host;
    lastBase = base;
    return base;
  }

  private static BaseRendering forwardedBase(MultiMap headers, String host, Generation generation) {
    String forwardedHost = firstValue(headers.get(X_FORWARDED_HOST));
    String forwardedProto = firstValue(headers.get(X_FORWARDED_PROTO));
    String effectiveHost = forwardedHost != null ? forwardedHost : host;
    String scheme = BaseUrls.isValidScheme(forwardedProto) ? forwardedProto : "http";
    if (!BaseUrls.isValidHost(effectiveHost)) {
      return null;
    }
    return generation.renders().base(scheme + "://" + effectiveHost);
  }

  private static String firstValue(String header) {
    if (header == null) {
      return null;
    }
    int comma = header.indexOf(',');
    String first = (comma >= 0 ? header.substring(0, comma) : header).strip();
    return first.isEmpty() ? null : first;
  }

  private static String v2Location(HttpServerRequest request, String path) {
    String query = request.query();
    return "/api/v2" + path.substring("/api/v1".length()) + (query == null ? "" : "?" + query);
  }
}
