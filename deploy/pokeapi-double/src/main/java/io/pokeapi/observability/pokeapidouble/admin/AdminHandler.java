package io.pokeapi.observability.pokeapidouble.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pokeapi.observability.pokeapidouble.data.DataSet;
import io.pokeapi.observability.pokeapidouble.data.InvalidDataDirectoryException;
import io.pokeapi.observability.pokeapidouble.fault.FaultRule;
import io.pokeapi.observability.pokeapidouble.fault.FaultRules;
import io.pokeapi.observability.pokeapidouble.server.AdminReach;
import io.pokeapi.observability.pokeapidouble.server.DoubleRuntime;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The operator and test interface under {@code /_admin/}, served only when enabled:
 *
 * <ul>
 *   <li>{@code GET /_admin/status}: what is being served.
 *   <li>{@code POST /_admin/reload}: reload the data directory, or switch to {@code {"dataDir":
 *       "..."}}.
 *   <li>{@code GET|PUT|POST|DELETE /_admin/faults}: list, replace ({@code [rules]} or {@code
 *       {"seed": n, "rules": [...]}}), add one, clear; {@code DELETE /_admin/faults/<id>}.
 *   <li>{@code GET /_admin/metrics}: Prometheus text format.
 * </ul>
 *
 * <p>Every request first passes the {@link AdminGuard} (loopback Host, same origin, token, JSON
 * bodies); every error is an RFC 9457 {@code application/problem+json} document.
 */
public final class AdminHandler implements Handler<HttpServerRequest> {

  private static final long MAX_BODY_BYTES = 1 << 20;
  private static final String JSON = "application/json; charset=utf-8";
  private static final String PROBLEM = "application/problem+json";
  private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

  private final DoubleRuntime runtime;
  private final Vertx vertx;
  private final ObjectMapper mapper = new ObjectMapper();
  private final AdminGuard guard;

  /** The admin interface of {@code runtime}; blocking work runs on {@code vertx} workers. */
  public AdminHandler(DoubleRuntime runtime, Vertx vertx) {
    this.runtime = runtime;
    this.vertx = vertx;
    this.guard =
        new AdminGuard(AdminReach.of(runtime.config().adminHost()), runtime.config().adminToken());
  }

  @Override
  public void handle(HttpServerRequest request) {
    AdminGuard.Refusal refused = guard.checkHeaders(request);
    if (refused != null) {
      if (refused.status() == 401) {
        request.response().putHeader("WWW-Authenticate", "Bearer realm=\"pokeapi-double-admin\"");
      }
      problem(request, refused.status(), refused.title(), refused.detail());
      return;
    }
    String contentLength = request.getHeader("Content-Length");
    if (contentLength != null && parseLong(contentLength) > MAX_BODY_BYTES) {
      error(request, 413, "request body larger than " + MAX_BODY_BYTES + " bytes");
      return;
    }
    request
        .body()
        .onSuccess(
            body -> {
              AdminGuard.Refusal notJson = guard.checkBody(request, body);
              if (notJson != null) {
                problem(request, notJson.status(), notJson.title(), notJson.detail());
              } else {
                route(request, body);
              }
            })
        .onFailure(e -> error(request, 400, "cannot read the request body: " + e.getMessage()));
  }

  private void route(HttpServerRequest request, Buffer body) {
    String path = request.path();
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    HttpMethod method = request.method();
    try {
      switch (path) {
        case "/_admin", "/_admin/status" -> {
          if (method == HttpMethod.GET) {
            json(request, 200, status());
          } else {
            notAllowed(request, "GET");
          }
        }
        case "/_admin/metrics" -> {
          if (method == HttpMethod.GET) {
            request
                .response()
                .putHeader("Content-Type", PROMETHEUS)
                .end(runtime.metrics().scrape());
          } else {
            notAllowed(request, "GET");
          }
        }
        case "/_admin/reload" -> {
          if (method == HttpMethod.POST) {
            reload(request, body);
          } else {
            notAllowed(request, "POST");
          }
        }
        case "/_admin/faults" -> faults(request, method, body);
        default -> {
          if (path.startsWith("/_admin/faults/") && method == HttpMethod.DELETE) {
            String id = path.substring("/_admin/faults/".length());
            if (runtime.faults().remove(id)) {
              json(request, 200, faultsView());
            } else {
              error(request, 404, "no fault rule with id '" + id + "'");
            }
          } else {
            error(request, 404, "no admin resource " + path);
          }
        }
      }
    } catch (IllegalArgumentException e) {
      error(request, 400, rootMessage(e));
    } catch (JsonProcessingException e) {
      Throwable cause = e.getCause();
      error(
          request,
          400,
          cause instanceof IllegalArgumentException
              ? rootMessage(cause)
              : "not a valid request body: " + e.getOriginalMessage());
    } catch (IOException e) {
      error(request, 400, "cannot read the request body: " + e.getMessage());
    }
  }

  private void faults(HttpServerRequest request, HttpMethod method, Buffer body)
      throws IOException {
    FaultRules faults = runtime.faults();
    if (method == HttpMethod.GET) {
      json(request, 200, faultsView());
    } else if (method == HttpMethod.PUT) {
      FaultRulesDocument document = FaultRulesDocument.parse(mapper, body.getBytes());
      if (document.seedGiven()) {
        faults.reseed(document.seed());
      }
      faults.replace(document.rules());
      json(request, 200, faultsView());
    } else if (method == HttpMethod.POST) {
      FaultRule added = faults.add(mapper.readValue(body.getBytes(), FaultRule.class));
      json(request, 201, mapper.valueToTree(added));
    } else if (method == HttpMethod.DELETE) {
      faults.clear();
      json(request, 200, faultsView());
    } else {
      notAllowed(request, "GET, PUT, POST, DELETE");
    }
  }

  private void reload(HttpServerRequest request, Buffer body) throws IOException {
    Path dataDir = runtime.data().dataDir();
    if (body.length() > 0) {
      JsonNode json = mapper.readTree(body.getBytes());
      if (json != null && json.hasNonNull("dataDir")) {
        dataDir = Path.of(json.get("dataDir").asText());
      }
    }
    Path target = dataDir;
    vertx
        .executeBlocking(() -> runtime.reload(target), false)
        .onSuccess(data -> json(request, 200, describe(data)))
        .onFailure(
            e -> {
              int status = e instanceof InvalidDataDirectoryException ? 422 : 500;
              error(
                  request,
                  status,
                  "reload failed, still serving the previous data: " + e.getMessage());
            });
  }

  private ObjectNode status() {
    ObjectNode status = describe(runtime.data());
    status.put("adminEnabled", true);
    status.put("adminHost", runtime.config().adminHost());
    status.put("adminTokenRequired", guard.tokenRequired());
    status.put("port", runtime.port());
    status.put("eventLoops", runtime.config().eventLoops());
    status.put("renderedBaseUrls", runtime.renderedBaseUrls());
    status.put("renderCacheBytes", runtime.renderCacheBytes());
    status.set("faults", faultsView());
    return status;
  }

  private ObjectNode describe(DataSet data) {
    ObjectNode node = mapper.createObjectNode();
    node.put("dataDir", data.dataDir().toString());
    node.put("loadedAt", data.loadedAt().toString());
    node.put("hash", data.hash());
    node.put("deployDate", data.deployDate());
    node.put("endpoints", data.endpoints().size());
    node.put("resources", data.resourceCount());
    node.put("storedBytes", data.storedBytes());
    return node;
  }

  private ObjectNode faultsView() {
    FaultRules faults = runtime.faults();
    ObjectNode view = mapper.createObjectNode();
    if (faults.seed() == null) {
      view.putNull("seed");
    } else {
      view.put("seed", faults.seed());
    }
    Map<String, Long> fired = faults.firedCounts();
    ArrayNode rules = view.putArray("rules");
    for (FaultRule rule : faults.rules()) {
      ObjectNode node = mapper.valueToTree(rule);
      node.put("fired", fired.getOrDefault(rule.id(), 0L));
      rules.add(node);
    }
    return view;
  }

  private void json(HttpServerRequest request, int status, JsonNode body) {
    try {
      request
          .response()
          .setStatusCode(status)
          .putHeader("Content-Type", JSON)
          .end(Buffer.buffer(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(body)));
    } catch (JsonProcessingException e) {
      request.response().setStatusCode(500).end();
    }
  }

  private void error(HttpServerRequest request, int status, String message) {
    problem(request, status, TITLES.getOrDefault(status, "Error"), message);
  }

  private static final Map<Integer, String> TITLES =
      Map.of(
          400, "Bad Request",
          404, "Not Found",
          405, "Method Not Allowed",
          413, "Content Too Large",
          422, "Unprocessable Content",
          500, "Internal Server Error");

  /** An RFC 9457 problem document. */
  private void problem(HttpServerRequest request, int status, String title, String detail) {
    ObjectNode body = mapper.createObjectNode();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", request.path());
    try {
      request
          .response()
          .setStatusCode(status)
          .putHeader("Content-Type", PROBLEM)
          .end(Buffer.buffer(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(body)));
    } catch (JsonProcessingException e) {
      request.response().setStatusCode(500).end();
    }
  }

  private void notAllowed(HttpServerRequest request, String allowed) {
    request.response().putHeader("Allow", allowed);
    error(request, 405, request.method() + " is not allowed here; use " + allowed);
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }

  private static long parseLong(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
