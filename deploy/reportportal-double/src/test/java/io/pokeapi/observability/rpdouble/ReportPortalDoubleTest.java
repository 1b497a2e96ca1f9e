package io.pokeapi.observability.rpdouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.epam.reportportal.listeners.ListenerParameters;
import com.epam.reportportal.service.ReportPortal;
import com.epam.reportportal.service.ReportPortalClient;
import com.epam.reportportal.service.ReportPortalClientV2;
import com.epam.reportportal.utils.http.HttpRequestUtils;
import com.epam.ta.reportportal.ws.model.BatchSaveOperatingRS;
import com.epam.ta.reportportal.ws.model.FinishExecutionRQ;
import com.epam.ta.reportportal.ws.model.FinishTestItemRQ;
import com.epam.ta.reportportal.ws.model.StartTestItemRQ;
import com.epam.ta.reportportal.ws.model.attribute.ItemAttributesRQ;
import com.epam.ta.reportportal.ws.model.issue.Issue;
import com.epam.ta.reportportal.ws.model.launch.StartLaunchRQ;
import com.epam.ta.reportportal.ws.model.log.SaveLogRQ;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pokeapi.observability.rpdouble.server.RpDoubleVerticle;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.HttpException;

/**
 * The double, driven by ReportPortal's official client (client-java) over HTTP, accepts what the
 * real server accepts and refuses, with the server's status and error code, what the real server
 * refuses; the strict rules marked "double" in README.md are proven here too.
 */
class ReportPortalDoubleTest {

  private static final String KEY = "double-test-key";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Vertx vertx;
  private static String base;
  private static ReportPortalClient v1;
  private static ReportPortalClient v2;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    RpDoubleVerticle verticle =
        new RpDoubleVerticle("127.0.0.1", 0, "proj", KEY, Files.createTempDirectory("rpd"));
    vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().join();
    base = "http://127.0.0.1:" + verticle.actualPort();
    v1 = client(ReportPortalClient.class, "proj", KEY);
    v2 = client(ReportPortalClientV2.class, "proj", KEY);
  }

  @AfterAll
  static void stop() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @BeforeEach
  void ok() throws Exception {
    put("/double/mode", "{\"mode\":\"ok\"}");
  }

  private static <T extends ReportPortalClient> T client(
      Class<T> type, String project, String key) {
    ListenerParameters p = new ListenerParameters();
    p.setEnable(true);
    p.setBaseUrl(base);
    p.setProjectName(project);
    p.setApiKey(key);
    p.setHttpCallTimeout(Duration.ofSeconds(3));
    p.setHttpReadTimeout(Duration.ofSeconds(3));
    return new ReportPortal.Builder().buildClient(type, p, Executors.newFixedThreadPool(2));
  }

  private static StartLaunchRQ launchRq(Instant start) {
    StartLaunchRQ rq = new StartLaunchRQ();
    rq.setName("double test");
    rq.setUuid(UUID.randomUUID().toString());
    rq.setStartTime(Date.from(start));
    rq.setAttributes(Set.of(new ItemAttributesRQ("suite", "smoke")));
    return rq;
  }

  private static StartTestItemRQ itemRq(String launch, String type, Instant start) {
    StartTestItemRQ rq = new StartTestItemRQ();
    rq.setUuid(UUID.randomUUID().toString());
    rq.setLaunchUuid(launch);
    rq.setName("item");
    rq.setType(type);
    rq.setStartTime(Date.from(start));
    return rq;
  }

  private static FinishTestItemRQ finishRq(String launch, Instant end, String status) {
    FinishTestItemRQ rq = new FinishTestItemRQ();
    rq.setLaunchUuid(launch);
    rq.setEndTime(Date.from(end));
    rq.setStatus(status);
    return rq;
  }

  private static void refused(Runnable call, int status, String errorCode) {
    assertThatThrownBy(call::run)
        .satisfies(
            e -> {
              HttpException h = (HttpException) (e instanceof HttpException ? e : e.getCause());
              assertThat(h.code()).isEqualTo(status);
              assertThat(h.response().errorBody().string()).contains("\"errorCode\":" + errorCode);
            });
  }

  @Test
  void aRunReportedWithTheOfficialClientIsStoredAsSent() throws Exception {
    Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
    StartLaunchRQ launchRq = launchRq(t0);
    String launch = v2.startLaunch(launchRq).blockingGet().getId();
    assertThat(launch).isEqualTo(launchRq.getUuid());
    StartTestItemRQ suiteRq = itemRq(launch, "SUITE", t0);
    String suite = v1.startTestItem(suiteRq).blockingGet().getId();
    StartTestItemRQ stepRq = itemRq(launch, "STEP", t0.plusMillis(5));
    String step = v1.startTestItem(suite, stepRq).blockingGet().getId();

    SaveLogRQ log = new SaveLogRQ();
    log.setUuid(UUID.randomUUID().toString());
    log.setLaunchUuid(launch);
    log.setItemUuid(step);
    log.setLevel("ERROR");
    log.setLogTime(Date.from(t0.plusMillis(6)));
    log.setMessage("failed: expected 200");
    SaveLogRQ.File file = new SaveLogRQ.File();
    file.setName("response.json");
    file.setContentType("application/json");
    file.setContent("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    log.setFile(file);
    BatchSaveOperatingRS batch =
        v1.log(HttpRequestUtils.buildLogMultiPartRequest(List.of(log))).blockingGet();
    assertThat(batch.getResponses()).hasSize(1);
    assertThat(batch.getResponses().get(0).getMessage()).isNull();

    FinishTestItemRQ finish = finishRq(launch, t0.plusMillis(9), "FAILED");
    Issue issue = new Issue();
    issue.setIssueType("si001");
    finish.setIssue(issue);
    v2.finishTestItem(step, finish).blockingGet();
    v1.finishTestItem(suite, finishRq(launch, t0.plusMillis(10), null)).blockingGet();
    FinishExecutionRQ end = new FinishExecutionRQ();
    end.setEndTime(Date.from(t0.plusMillis(10)));
    v1.finishLaunch(launch, end).blockingGet();

    JsonNode tree = get("/double/launches/" + launch);
    assertThat(tree.path("status").asText()).isEqualTo("FAILED");
    JsonNode s = tree.path("items").get(0);
    assertThat(s.path("status").asText()).isEqualTo("FAILED");
    JsonNode st = s.path("children").get(0);
    assertThat(st.path("issueType").asText()).isEqualTo("si001");
    assertThat(st.path("startTime").asText()).isEqualTo("2026-12-01T10:00:00.005Z");
    JsonNode savedLog = st.path("logs").get(0);
    assertThat(savedLog.path("level").asText()).isEqualTo("error");
    assertThat(savedLog.path("file").path("name").asText()).isEqualTo("response.json");
    assertThat(savedLog.path("file").path("text").asText()).isEqualTo("{\"a\":1}");
    assertThat(v1.getItemByUuid(step).blockingGet().getStatus()).isEqualTo("FAILED");
    assertThat(v1.getLaunchByUuid(launch).blockingGet().getStatus()).isEqualTo("FAILED");
  }

  @Test
  void refusesWhatTheServerRefuses() {
    Instant t0 = Instant.parse("2026-12-01T11:00:00Z");
    String launch = v1.startLaunch(launchRq(t0)).blockingGet().getId();
    // an item before its launch, a child before its parent: CHILD_START_TIME_EARLIER_THAN_PARENT
    refused(
        () -> v1.startTestItem(itemRq(launch, "SUITE", t0.minusMillis(1))).blockingGet(),
        406,
        "40025");
    String suite =
        v1.startTestItem(itemRq(launch, "SUITE", t0.plusSeconds(1))).blockingGet().getId();
    refused(() -> v1.startTestItem(suite, itemRq(launch, "STEP", t0)).blockingGet(), 406, "40025");
    // unknown item type, missing name, no launch
    refused(
        () -> v1.startTestItem(itemRq(launch, "CHECK", t0.plusSeconds(1))).blockingGet(),
        400,
        "4001");
    StartTestItemRQ noName = itemRq(launch, "STEP", t0.plusSeconds(1));
    noName.setName(" ");
    refused(() -> v1.startTestItem(noName).blockingGet(), 400, "4001");
    refused(
        () -> v1.startTestItem(itemRq(UUID.randomUUID().toString(), "STEP", t0)).blockingGet(),
        404,
        "4041");
    // a reused UUID
    StartTestItemRQ once = itemRq(launch, "STEP", t0.plusSeconds(2));
    String step = v1.startTestItem(suite, once).blockingGet().getId();
    refused(() -> v1.startTestItem(suite, once).blockingGet(), 409, "4091");
    // a step finished without status, before its start, with an unknown defect type
    refused(
        () -> v1.finishTestItem(step, finishRq(launch, t0.plusSeconds(3), null)).blockingGet(),
        406,
        "40019");
    refused(
        () -> v1.finishTestItem(step, finishRq(launch, t0.plusSeconds(1), "PASSED")).blockingGet(),
        406,
        "40021");
    refused(
        () -> v1.finishTestItem(step, finishRq(launch, t0.plusSeconds(3), "GREEN")).blockingGet(),
        406,
        "4065");
    FinishTestItemRQ badIssue = finishRq(launch, t0.plusSeconds(3), "FAILED");
    Issue issue = new Issue();
    issue.setIssueType("xx001");
    badIssue.setIssue(issue);
    refused(() -> v1.finishTestItem(step, badIssue).blockingGet(), 404, "40416");
    // a parent cannot end before its finished child (double), a log needs a known level
    v1.finishTestItem(step, finishRq(launch, t0.plusSeconds(5), "PASSED")).blockingGet();
    refused(
        () -> v1.finishTestItem(suite, finishRq(launch, t0.plusSeconds(4), null)).blockingGet(),
        406,
        "40021");
    SaveLogRQ log = new SaveLogRQ();
    log.setLaunchUuid(launch);
    log.setLevel("LOUD");
    log.setLogTime(Date.from(t0));
    refused(() -> v1.log(log).blockingGet(), 400, "4001");
    // a launch finishes once, never before it started
    FinishExecutionRQ early = new FinishExecutionRQ();
    early.setEndTime(Date.from(t0.minusSeconds(1)));
    refused(() -> v1.finishLaunch(launch, early).blockingGet(), 406, "40021");
    FinishExecutionRQ end = new FinishExecutionRQ();
    end.setEndTime(Date.from(t0.plusSeconds(6)));
    v1.finishLaunch(launch, end).blockingGet();
    refused(() -> v1.finishLaunch(launch, end).blockingGet(), 406, "40023");
    // nothing starts in a finished launch (double)
    refused(
        () -> v1.startTestItem(itemRq(launch, "SUITE", t0.plusSeconds(7))).blockingGet(),
        406,
        "40024");
  }

  @Test
  void aMultipartLogWithoutItsFileFailsThatElementOnly() {
    Instant t0 = Instant.parse("2026-12-01T12:00:00Z");
    String launch = v1.startLaunch(launchRq(t0)).blockingGet().getId();
    SaveLogRQ withFile = new SaveLogRQ();
    withFile.setLaunchUuid(launch);
    withFile.setLevel("WARN");
    withFile.setLogTime(Date.from(t0));
    SaveLogRQ.File file = new SaveLogRQ.File();
    file.setName("patch.json");
    file.setContentType("application/json");
    file.setContent("[]".getBytes(StandardCharsets.UTF_8));
    withFile.setFile(file);
    var parts = HttpRequestUtils.buildLogMultiPartRequest(List.of(withFile));
    // drop the file part: the json part names a file the request does not carry
    BatchSaveOperatingRS rs = v1.log(List.of(parts.get(0))).blockingGet();
    assertThat(rs.getResponses().get(0).getMessage())
        .contains("There is no request part or file with name patch.json");
  }

  @Test
  void refusesAMissingOrWrongKeyAndAnUnknownProject() {
    Instant t0 = Instant.now();
    refused(
        () ->
            client(ReportPortalClient.class, "proj", "wrong")
                .startLaunch(launchRq(t0))
                .blockingGet(),
        401,
        "40100");
    refused(
        () ->
            client(ReportPortalClient.class, "other", KEY).startLaunch(launchRq(t0)).blockingGet(),
        404,
        "4040");
  }

  @Test
  void canBeToldToFailForACountOfRequestsThenRecovers() throws Exception {
    put("/double/mode", "{\"mode\":\"fail\",\"status\":503,\"count\":2}");
    Instant t0 = Instant.now();
    refused(() -> v1.startLaunch(launchRq(t0)).blockingGet(), 503, "5000");
    refused(() -> v1.startLaunch(launchRq(t0)).blockingGet(), 503, "5000");
    assertThat(v1.startLaunch(launchRq(t0)).blockingGet().getId()).isNotBlank();
    put("/double/mode", "{\"mode\":\"hang\"}");
    assertThatThrownBy(() -> v1.startLaunch(launchRq(t0)).blockingGet())
        .hasCauseInstanceOf(java.io.InterruptedIOException.class);
    put("/double/mode", "{\"mode\":\"refuse\"}");
    assertThatThrownBy(() -> v1.startLaunch(launchRq(t0)).blockingGet())
        .hasRootCauseInstanceOf(java.io.IOException.class);
    put("/double/mode", "{\"mode\":\"ok\"}");
    HttpResponse<String> bad = put("/double/mode", "{\"mode\":\"explode\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
  }

  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  private static HttpResponse<String> put(String path, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
