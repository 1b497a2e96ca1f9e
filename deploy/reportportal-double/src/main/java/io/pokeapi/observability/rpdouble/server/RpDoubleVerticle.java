package io.pokeapi.observability.rpdouble.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pokeapi.observability.rpdouble.model.Attribute;
import io.pokeapi.observability.rpdouble.model.ItemRecord;
import io.pokeapi.observability.rpdouble.model.LaunchRecord;
import io.pokeapi.observability.rpdouble.model.LogEntry;
import io.pokeapi.observability.rpdouble.model.ReportStore;
import io.pokeapi.observability.rpdouble.model.RpError;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Serves ReportPortal's reporting API (the paths client-java's {@code ReportPortalClient} and
 * {@code ReportPortalClientV2} call, under {@code /api}) from a {@link ReportStore}, plus {@code
 * /double/...}: the launches as received, and the outage controls.
 */
public final class RpDoubleVerticle extends AbstractVerticle {

  private static final Logger LOG = Logger.getLogger(RpDoubleVerticle.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String V = "/api/:version";

  private final String host;
  private final int port;
  private final String project;
  private final String apiKey;
  private final Path uploads;
  private final ReportStore store = new ReportStore();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private volatile FaultMode fault = FaultMode.OK;
  private HttpServer server;

  /**
   * @param apiKey the only key accepted as {@code Authorization: Bearer <key>}; {@code null}
   *     accepts any bearer key (but still requires one)
   */
  public RpDoubleVerticle(String host, int port, String project, String apiKey, Path uploads) {
    this.host = host;
    this.port = port;
    this.project = project;
    this.apiKey = apiKey;
    this.uploads = uploads;
  }

  /** The port actually bound. */
  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public void start(Promise<Void> started) {
    Router router = Router.router(vertx);
    router
        .route("/api/*")
        .handler(
            BodyHandler.create(uploads.toString())
                .setBodyLimit(64L * 1024 * 1024)
                .setDeleteUploadedFilesOnEnd(true));
    router.route("/double/*").handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
    router.route("/api/*").handler(this::faultsAndAuth);

    router.get("/api/info").handler(ctx -> json(ctx, 200, info()));
    router.post(V + "/:project/launch").handler(ctx -> api(ctx, this::startLaunch));
    router.put(V + "/:project/launch/:uuid/finish").handler(ctx -> api(ctx, this::finishLaunch));
    router.put(V + "/:project/launch/:id/update").handler(ctx -> api(ctx, this::updateLaunch));
    router.get(V + "/:project/launch/uuid/:uuid").handler(ctx -> api(ctx, this::getLaunch));
    router.post(V + "/:project/item").handler(ctx -> api(ctx, c -> startItem(c, null)));
    router
        .post(V + "/:project/item/:parent")
        .handler(ctx -> api(ctx, c -> startItem(c, c.pathParam("parent"))));
    router.put(V + "/:project/item/:uuid").handler(ctx -> api(ctx, this::finishItem));
    router.get(V + "/:project/item/uuid/:uuid").handler(ctx -> api(ctx, this::getItem));
    router.post(V + "/:project/log").handler(ctx -> api(ctx, this::log));
    router.route("/api/*").handler(ctx -> error(ctx, new RpError(404, 40430, "not found")));

    router.get("/double/launches").handler(ctx -> json(ctx, 200, launchList()));
    router
        .get("/double/launches/:uuid")
        .handler(
            ctx -> {
              LaunchRecord launch = store.launch(ctx.pathParam("uuid"));
              if (launch == null) {
                error(ctx, RpError.launchNotFound(ctx.pathParam("uuid")));
              } else {
                json(ctx, 200, launchTree(launch));
              }
            });
    router.get("/double/mode").handler(ctx -> json(ctx, 200, modeJson()));
    router.put("/double/mode").handler(this::setMode);
    router
        .post("/double/reset")
        .handler(
            ctx -> {
              store.clear();
              json(ctx, 200, modeJson());
            });
    router
        .get("/double/health")
        .handler(ctx -> json(ctx, 200, JSON.createObjectNode().put("status", "UP")));

    vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(port, host)
        .onSuccess(
            s -> {
              server = s;
              started.complete();
            })
        .onFailure(started::fail);
  }

  // ------------------------------------------------------------------------ faults, auth, errors

  private void faultsAndAuth(RoutingContext ctx) {
    requests.incrementAndGet();
    FaultMode mode = fault;
    if (mode.kind() != FaultMode.Kind.OK && mode.remaining() >= 0) {
      if (mode.remaining() == 0) {
        fault = FaultMode.OK;
        mode = FaultMode.OK;
      } else {
        fault = new FaultMode(mode.kind(), mode.status(), mode.delay(), mode.remaining() - 1);
      }
    }
    switch (mode.kind()) {
      case FAIL -> {
        refused.incrementAndGet();
        json(
            ctx,
            mode.status(),
            JSON.createObjectNode()
                .put("errorCode", 5000)
                .put("message", "Unclassified error [double: told to fail]"));
        return;
      }
      case HANG -> {
        refused.incrementAndGet();
        return; // never answers; the client's timeout ends it
      }
      case REFUSE -> {
        refused.incrementAndGet();
        ctx.request().connection().close();
        return;
      }
      case SLOW -> {
        long ms = Math.max(1, mode.delay().toMillis());
        vertx.setTimer(ms, t -> authThenNext(ctx));
        return;
      }
      case DROP -> {
        refused.incrementAndGet();
        ctx.put("drop", Boolean.TRUE);
        authThenNext(ctx);
      }
      case OK -> authThenNext(ctx);
    }
  }

  private void authThenNext(RoutingContext ctx) {
    if (ctx.request().path().equals("/api/info")) {
      ctx.next();
      return;
    }
    String auth = ctx.request().getHeader("Authorization");
    String bearer =
        auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
            ? auth.substring(7).strip()
            : null;
    if (bearer == null || bearer.isEmpty() || (apiKey != null && !apiKey.equals(bearer))) {
      error(ctx, RpError.unauthorized());
      return;
    }
    ctx.next();
  }

  @FunctionalInterface
  private interface Handler {
    void handle(RoutingContext ctx) throws IOException;
  }

  private void api(RoutingContext ctx, Handler handler) {
    try {
      String version = ctx.pathParam("version");
      if (version != null && !version.equals("v1") && !version.equals("v2")) {
        throw new RpError(404, 40430, "'" + version + "' not found. Did you use correct ID?");
      }
      String p = ctx.pathParam("project");
      if (p != null && !p.equalsIgnoreCase(project)) {
        throw RpError.projectNotFound(p);
      }
      handler.handle(ctx);
    } catch (RpError e) {
      error(ctx, e);
    } catch (IOException | RuntimeException e) {
      error(ctx, RpError.incorrect(String.valueOf(e.getMessage())));
    }
  }

  private static void error(RoutingContext ctx, RpError e) {
    json(
        ctx,
        e.httpStatus(),
        JSON.createObjectNode().put("errorCode", e.errorCode()).put("message", e.getMessage()));
  }

  private static void json(RoutingContext ctx, int status, JsonNode body) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    if (Boolean.TRUE.equals(ctx.get("drop"))) {
      ctx.request().connection().close();
      return;
    }
    try {
      ctx.response()
          .setStatusCode(status)
          .putHeader("Content-Type", "application/json")
          .end(Buffer.buffer(JSON.writeValueAsBytes(body)));
    } catch (IOException e) {
      ctx.response().setStatusCode(500).end();
    }
  }

  private static JsonNode body(RoutingContext ctx) throws IOException {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw RpError.incorrect("Content type '" + type + "' not supported");
    }
    Buffer buffer = ctx.body().buffer();
    if (buffer == null || buffer.length() == 0) {
      throw RpError.incorrect("Required request body is missing");
    }
    JsonNode node = JSON.readTree(buffer.getBytes());
    if (node == null || !node.isObject()) {
      throw RpError.incorrect("the request body must be a JSON object");
    }
    return node;
  }

  // ---------------------------------------------------------------------------------- handlers

  private void startLaunch(RoutingContext ctx) throws IOException {
    LaunchRecord launch = store.startLaunch(body(ctx));
    json(ctx, 201, JSON.createObjectNode().put("id", launch.uuid()).put("number", launch.number()));
  }

  private void finishLaunch(RoutingContext ctx) throws IOException {
    LaunchRecord launch = store.finishLaunch(ctx.pathParam("uuid"), body(ctx));
    json(
        ctx,
        200,
        JSON.createObjectNode()
            .put("id", launch.uuid())
            .put("number", launch.number())
            .put(
                "link",
                "http://" + host + ":" + actualPort() + "/double/launches/" + launch.uuid()));
  }

  private void updateLaunch(RoutingContext ctx) throws IOException {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw RpError.badRequest("The provided parameter must be a number");
    }
    LaunchRecord launch = store.updateLaunch(id, body(ctx));
    json(ctx, 200, launchResource(launch));
  }

  private void getLaunch(RoutingContext ctx) {
    LaunchRecord launch = store.launch(ctx.pathParam("uuid"));
    if (launch == null) {
      throw RpError.launchNotFound(ctx.pathParam("uuid"));
    }
    json(ctx, 200, launchResource(launch));
  }

  private void startItem(RoutingContext ctx, String parent) throws IOException {
    ItemRecord item = store.startItem(parent, body(ctx));
    json(
        ctx,
        201,
        JSON.createObjectNode().put("id", item.uuid()).put("uniqueId", "auto:" + item.uuid()));
  }

  private void finishItem(RoutingContext ctx) throws IOException {
    String uuid = ctx.pathParam("uuid");
    store.finishItem(uuid, body(ctx));
    json(
        ctx,
        200,
        JSON.createObjectNode()
            .put("message", "TestItem with ID = '" + uuid + "' successfully finished."));
  }

  private void getItem(RoutingContext ctx) {
    ItemRecord item = store.item(ctx.pathParam("uuid"));
    if (item == null) {
      throw RpError.itemNotFound(ctx.pathParam("uuid"));
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("id", item.id());
    out.put("uuid", item.uuid());
    out.put("name", item.name());
    out.put("type", item.type().name());
    out.put("status", item.status().name());
    out.put("launchId", store.launch(item.launchUuid()).id());
    out.put("startTime", item.startTime().toString());
    if (item.endTime() != null) {
      out.put("endTime", item.endTime().toString());
    }
    out.put("hasChildren", !item.children().isEmpty());
    json(ctx, 200, out);
  }

  private void log(RoutingContext ctx) throws IOException {
    String type = ctx.request().getHeader("Content-Type");
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      multipartLog(ctx);
      return;
    }
    LogEntry entry = store.saveLog(body(ctx), null, null);
    json(ctx, 201, JSON.createObjectNode().put("id", entry.uuid()));
  }

  /**
   * The batch: a {@code json_request_part} holding an array of SaveLogRQ and one file part per log
   * with a file, matched by the part's file name (service-api {@code LogController}). Each element
   * succeeds or fails on its own; the answer is 201 with one response per element.
   */
  private void multipartLog(RoutingContext ctx) throws IOException {
    String jsonPart = ctx.request().getFormAttribute("json_request_part");
    if (jsonPart == null) {
      for (FileUpload upload : ctx.fileUploads()) {
        if (upload.name().equals("json_request_part")) {
          jsonPart = Files.readString(Path.of(upload.uploadedFileName()), StandardCharsets.UTF_8);
        }
      }
    }
    if (jsonPart == null) {
      throw RpError.badSaveLog("Required request part 'json_request_part' is not present");
    }
    JsonNode rqs = JSON.readTree(jsonPart);
    if (rqs == null || !rqs.isArray()) {
      throw RpError.badSaveLog("json_request_part must be an array of SaveLogRQ");
    }
    List<FileUpload> files = ctx.fileUploads();
    ArrayNode responses = JSON.createArrayNode();
    for (JsonNode rq : rqs) {
      ObjectNode response = responses.addObject();
      try {
        String fileName = rq.path("file").path("name").asText(null);
        FileUpload match = null;
        if (fileName != null) {
          for (FileUpload f : files) {
            if (fileName.equals(f.fileName()) && !f.name().equals("json_request_part")) {
              match = f;
              break;
            }
          }
        }
        byte[] content =
            match == null ? null : Files.readAllBytes(Path.of(match.uploadedFileName()));
        LogEntry entry = store.saveLog(rq, match == null ? null : match.contentType(), content);
        response.put("id", entry.uuid());
      } catch (RpError e) {
        response.put("message", e.getMessage());
        response.put("stackTrace", "RpError " + e.errorCode());
      }
    }
    json(ctx, 201, JSON.createObjectNode().set("responses", responses));
  }

  // ------------------------------------------------------------------------------ /double views

  private void setMode(RoutingContext ctx) {
    try {
      Buffer b = ctx.body().buffer();
      FaultMode mode =
          FaultMode.fromJson(
              b == null || b.length() == 0 ? JSON.createObjectNode() : JSON.readTree(b.getBytes()));
      fault = mode;
      LOG.info("reporting API mode now " + mode);
      json(ctx, 200, modeJson());
    } catch (IllegalArgumentException | IOException e) {
      json(
          ctx,
          400,
          JSON.createObjectNode()
              .put("type", "about:blank")
              .put("title", "Bad Request")
              .put("status", 400)
              .put("detail", String.valueOf(e.getMessage())));
    }
  }

  private ObjectNode modeJson() {
    FaultMode mode = fault;
    return JSON.createObjectNode()
        .put("mode", mode.kind().name().toLowerCase(Locale.ROOT))
        .put("status", mode.status())
        .put("delayMs", mode.delay().toMillis())
        .put("count", mode.remaining())
        .put("requests", requests.get())
        .put("refused", refused.get());
  }

  private static ObjectNode info() {
    ObjectNode out = JSON.createObjectNode();
    out.putObject("build").put("version", "5.14.0").put("name", "reportportal-double");
    return out;
  }

  private ArrayNode launchList() {
    ArrayNode out = JSON.createArrayNode();
    for (LaunchRecord launch : store.launches()) {
      ObjectNode l = launchResource(launch);
      l.put("items", countItems(launch));
      l.put("logs", store.logsOf(launch).size());
      out.add(l);
    }
    return out;
  }

  private int countItems(LaunchRecord launch) {
    int[] n = {0};
    launch.rootItems().forEach(r -> count(store.item(r), n));
    return n[0];
  }

  private void count(ItemRecord item, int[] n) {
    n[0]++;
    item.children().forEach(c -> count(store.item(c), n));
  }

  private ObjectNode launchResource(LaunchRecord launch) {
    ObjectNode l = JSON.createObjectNode();
    l.put("id", launch.id());
    l.put("uuid", launch.uuid());
    l.put("number", launch.number());
    l.put("name", launch.name());
    l.put("description", launch.description());
    l.put("status", launch.status().name());
    l.put("mode", launch.mode());
    l.put("startTime", launch.startTime().toString());
    if (launch.endTime() != null) {
      l.put("endTime", launch.endTime().toString());
    }
    l.set("attributes", attributes(launch.attributes()));
    l.put("finishRefused", launch.finishAttempts());
    l.put("interruptedItems", launch.interruptedItems());
    return l;
  }

  private ObjectNode launchTree(LaunchRecord launch) {
    ObjectNode l = launchResource(launch);
    ArrayNode logs = l.putArray("logs");
    launch.logs().forEach(id -> logs.add(logJson(store.log(id))));
    ArrayNode items = l.putArray("items");
    launch.rootItems().forEach(r -> items.add(itemTree(store.item(r))));
    ArrayNode requests = l.putArray("requests");
    launch.requestLog().forEach(requests::add);
    return l;
  }

  private ObjectNode itemTree(ItemRecord item) {
    ObjectNode i = JSON.createObjectNode();
    i.put("uuid", item.uuid());
    i.put("name", item.name());
    i.put("type", item.type().name());
    i.put("status", item.status().name());
    i.put("description", item.description());
    i.put("codeRef", item.codeRef());
    i.put("startTime", item.startTime().toString());
    if (item.endTime() != null) {
      i.put("endTime", item.endTime().toString());
    }
    i.put("issueType", item.issueType());
    i.put("issueComment", item.issueComment());
    i.put("finishCount", item.finishCount());
    i.put("interrupted", item.interrupted());
    i.set("attributes", attributes(item.attributes()));
    ArrayNode logs = i.putArray("logs");
    item.logs().forEach(id -> logs.add(logJson(store.log(id))));
    ArrayNode children = i.putArray("children");
    item.children().forEach(c -> children.add(itemTree(store.item(c))));
    return i;
  }

  private static ObjectNode logJson(LogEntry log) {
    ObjectNode o = JSON.createObjectNode();
    o.put("uuid", log.uuid());
    o.put("time", log.time().toString());
    o.put("level", log.level());
    o.put("message", log.message());
    if (log.fileName() != null) {
      ObjectNode f = o.putObject("file");
      f.put("name", log.fileName());
      f.put("contentType", log.fileContentType());
      f.put("size", log.file().length);
      String ct = log.fileContentType() == null ? "" : log.fileContentType();
      if (ct.startsWith("text/") || ct.contains("json") || ct.contains("html")) {
        f.put("text", new String(log.file(), StandardCharsets.UTF_8));
      } else {
        f.put("base64", Base64.getEncoder().encodeToString(log.file()));
      }
    }
    return o;
  }

  private static ArrayNode attributes(Iterable<Attribute> attributes) {
    ArrayNode out = JSON.createArrayNode();
    for (Attribute a : attributes) {
      ObjectNode o = out.addObject();
      if (a.key() != null) {
        o.put("key", a.key());
      }
      o.put("value", a.value());
    }
    return out;
  }
}
