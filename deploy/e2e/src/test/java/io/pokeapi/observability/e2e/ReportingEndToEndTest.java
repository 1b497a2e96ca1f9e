package io.pokeapi.observability.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * reporter-service end to end, on the packaged services of {@code deploy/local/stack} with the
 * ReportPortal double standing in for ReportPortal (the stack starts it when no
 * REPORTPORTAL_ENDPOINT is set), on the real data: sweeps of the {@code type} endpoint (21
 * resources) keep it fast. A black box: only the probe's REST API, the check-results topic and the
 * double's record of what it was sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(StopAfterFirstFailure.class)
class ReportingEndToEndTest {

  private static final String DATABASE = E2eSettings.databasePrefix() + "_reporting";

  /** Every port 200 above the pipeline class's: the e2e classes run side by side. */
  private static final int PORT_SHIFT = 200;

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration REPORT_TIMEOUT = Duration.ofMinutes(3);
  private static final List<String> SWEPT = List.of("type");

  private final long startedAt = System.nanoTime();
  private final Map<String, String> timings = new LinkedHashMap<>();
  private DataSet data;
  private Path stackDir;
  private Stack stack;
  private ProbeApi probe;
  private RpDoubleClient reportPortal;
  private DoubleClient pokeApi;
  private KafkaTopics kafka;
  private DriftedCopy drifted;

  @BeforeAll
  void upTheStack() throws IOException {
    Optional<Path> dataDir = E2eSettings.dataDir();
    assumeTrue(
        dataDir.isPresent(),
        () ->
            "SKIPPED: the reporting end-to-end tests need the real PokéAPI data set; none at "
                + E2eSettings.dataDirCandidates());
    data = new DataSet(dataDir.get());
    stackDir =
        E2eSettings.stackDir().resolveSibling(E2eSettings.stackDir().getFileName() + "-reporting");
    stack =
        new Stack(
            E2eSettings.repoRoot(),
            data.root(),
            stackDir,
            DATABASE,
            E2eSettings.buildSuffix(),
            PORT_SHIFT);
    stack.down();
    deleteRecursively(stackDir);
    dropDatabase();
    Runtime.getRuntime().addShutdownHook(new Thread(this::downQuietly, "e2e-reporting-down"));
    long t0 = System.nanoTime();
    System.out.println(stack.up());
    timings.put("stack up", seconds(t0));
    Map<String, String> env = stack.env();
    probe = new ProbeApi(env.get("PROBE_URL"));
    reportPortal = new RpDoubleClient(env.get("RP_DOUBLE_URL"));
    pokeApi = new DoubleClient(env.get("DOUBLE_URL"));
    kafka = new KafkaTopics(env.get("KAFKA_BOOTSTRAP_SERVERS"));
  }

  @AfterAll
  void downTheStack() {
    if (stack == null) {
      return;
    }
    downQuietly();
    if (drifted != null) {
      drifted.delete();
    }
    System.out.printf("[reporting e2e] wall time %s s; by step:%n", seconds(startedAt));
    timings.forEach((step, time) -> System.out.printf("  %-58s %8s s%n", step, time));
  }

  @Test
  @Order(1)
  @DisplayName("1. a sweep is one launch holding every check, each once, with its suite and times")
  void sweepIsOneLaunch() {
    long t0 = System.nanoTime();
    Map<TopicPartition, Long> from = kafka.endOffsets(KafkaTopics.CHECK_RESULTS);
    ProbeApi.Run run = sweep();
    JsonNode launch = awaitLaunchWithEveryCheck(run);
    assertDeliveredOnceInOrder(run, launch, from);
    assertThat(attributes(launch))
        .contains("suite:sweep", "target:127.0.0.1")
        .doesNotContain("schema-change");
    assertThat(launch.path("items"))
        .extracting(s -> s.path("name").asText())
        .containsExactly("type");
    timings.put("baseline sweep of type reported", seconds(t0));
  }

  @Test
  @Order(2)
  @DisplayName("2. the sweep over drifted data: schema changes as warnings, product-bug defects")
  void driftedSweep() throws IOException {
    long t0 = System.nanoTime();
    drifted = DriftedCopy.create(data, Files.createTempDirectory("pokeobs-e2e-reporting-drift-"));
    assertThat(pokeApi.reload(drifted.root())).isEqualTo(DriftedCopy.RELEASE_HASH);
    Map<TopicPartition, Long> from = kafka.endOffsets(KafkaTopics.CHECK_RESULTS);
    ProbeApi.Run run = sweep();
    awaitLaunchWithEveryCheck(run);
    // schema drift is evaluated after the run's end; it reaches the (finished) launch afterwards,
    // and the data changes come on other partitions of the drift topic than the schema change
    JsonNode launch =
        await("the schema change and 21 data changes of run " + run.id() + " in its launch")
            .atMost(REPORT_TIMEOUT)
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> reportPortal.launchOf(run.id()),
                l -> attributes(l).contains("schema-change") && dataChanges(warnings(l)) >= 21);
    assertDeliveredOnceInOrder(run, launch, from);
    List<String> warnings = warnings(launch);
    assertThat(warnings)
        .anySatisfy(
            w -> assertThat(w).startsWith("schema change of type: field_removed /generation"));
    assertThat(dataChanges(warnings))
        .as("one data change warning (with its JSON Patch) per drifted type")
        .isEqualTo(21);
    List<JsonNode> failedChecks =
        RpDoubleClient.checksInStartOrder(launch).stream()
            .filter(i -> i.path("status").asText().equals("FAILED"))
            .toList();
    // every attempt is an item of its own (reruns too): a check that failed in the run, or failed
    // and then passed (flaky), has a failed first attempt
    assertThat(failedChecks)
        .filteredOn(i -> attributes(i).contains("attempt:1"))
        .as("failed first attempts: the run's failed and flaky checks")
        .hasSize((int) (run.failed() + flakyChecks(run)));
    assertThat(failedChecks).as("the drift breaks checks of type").isNotEmpty();
    assertThat(failedChecks)
        .as("a check that failed on a schema upstream changed is a product bug")
        .filteredOn(i -> attributes(i).contains("failure:schema_validation"))
        .isNotEmpty()
        .allSatisfy(i -> assertThat(i.path("issueType").asText()).isEqualTo("pb001"));
    assertThat(failedChecks)
        .allSatisfy(i -> assertThat(i.path("issueType").asText()).isIn("pb001", "ti001"));
    pokeApi.reload(data.root());
    timings.put("drifted sweep of type reported", seconds(t0));
  }

  @Test
  @Order(3)
  @DisplayName("3. ReportPortal down for 60 s mid-run: every result delivered once, in order")
  void outage() throws InterruptedException {
    long t0 = System.nanoTime();
    Map<TopicPartition, Long> from = kafka.endOffsets(KafkaTopics.CHECK_RESULTS);
    UUID id = startSweep();
    await().atMost(RUN_TIMEOUT).until(() -> reportPortal.launchOf(id) != null);
    reportPortal.mode("{\"mode\":\"fail\",\"status\":503}");
    long down = System.nanoTime();
    ProbeApi.Run run = probe.awaitEnd(id, RUN_TIMEOUT);
    Thread.sleep(Math.max(0, 60_000 - (System.nanoTime() - down) / 1_000_000));
    JsonNode during = reportPortal.launchOf(id);
    assertThat(during.path("status").asText())
        .as("the launch cannot finish while RP is down")
        .isEqualTo("IN_PROGRESS");
    reportPortal.mode("{\"mode\":\"ok\"}");
    JsonNode launch = awaitLaunchWithEveryCheck(run);
    assertDeliveredOnceInOrder(run, launch, from);
    timings.put("sweep with a 60 s ReportPortal outage reported", seconds(t0));
  }

  @Test
  @Order(4)
  @DisplayName("4. kill -9 of the reporter mid-run: every result delivered once, in order")
  void killedReporter() {
    long t0 = System.nanoTime();
    Map<TopicPartition, Long> from = kafka.endOffsets(KafkaTopics.CHECK_RESULTS);
    // slow ReportPortal down so that the reporter is surely mid-launch when it is killed
    reportPortal.mode("{\"mode\":\"slow\",\"delayMs\":150}");
    UUID id = startSweep();
    await()
        .atMost(RUN_TIMEOUT)
        .until(
            () -> {
              JsonNode l = reportPortal.launchOf(id);
              return l != null && RpDoubleClient.checksInStartOrder(l).size() >= 5;
            });
    long pid = stack.kill9("REPORTER_PID");
    System.out.printf("[reporting e2e] killed the reporter (pid %d) mid-launch%n", pid);
    reportPortal.mode("{\"mode\":\"ok\"}");
    ProbeApi.Run run = probe.awaitEnd(id, RUN_TIMEOUT);
    stack.restart();
    JsonNode launch = awaitLaunchWithEveryCheck(run);
    assertDeliveredOnceInOrder(run, launch, from);
    timings.put("sweep with the reporter killed mid-launch reported", seconds(t0));
  }

  // ------------------------------------------------------------------------------------ helpers

  private UUID startSweep() {
    String id =
        given()
            .baseUri(stack.env("PROBE_URL"))
            .contentType(ContentType.JSON)
            .body("{\"suite\":\"sweep\",\"endpoints\":[\"" + String.join("\",\"", SWEPT) + "\"]}")
            .when()
            .post("/api/runs")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    return UUID.fromString(id);
  }

  private ProbeApi.Run sweep() {
    ProbeApi.Run run = probe.awaitEnd(startSweep(), RUN_TIMEOUT);
    assertThat(run.status()).isEqualTo("completed");
    return run;
  }

  /** The checks of the run that failed, then passed on a rerun. */
  private long flakyChecks(ProbeApi.Run run) {
    return given()
        .baseUri(stack.env("PROBE_URL"))
        .when()
        .get("/api/runs/" + run.id())
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("progress.flaky");
  }

  private JsonNode awaitLaunchWithEveryCheck(ProbeApi.Run run) {
    return await("the finished launch of " + run)
        .atMost(REPORT_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> reportPortal.launchOf(run.id()),
            l -> l != null && !l.path("status").asText().equals("IN_PROGRESS"));
  }

  /**
   * One launch for the run; one item per CheckResult the probe published, each finished once, in
   * the order they were published; no item closed by the launch's end instead of its own.
   */
  private void assertDeliveredOnceInOrder(
      ProbeApi.Run run, JsonNode launch, Map<TopicPartition, Long> from) {
    assertThat(reportPortal.launchesOf(run.id())).as("launches of run %s", run.id()).hasSize(1);
    List<String> published = new ArrayList<>();
    for (JsonNode result :
        kafka.read(KafkaTopics.CHECK_RESULTS, from, kafka.endOffsets(KafkaTopics.CHECK_RESULTS))) {
      if (result.path("runId").asText().equals(run.id().toString())) {
        published.add(
            result.path("checkName").asText()
                + (result.path("attempt").asInt(1) > 1
                    ? " (attempt " + result.path("attempt").asInt() + ")"
                    : "")
                + "="
                + result.path("status").asText().toUpperCase());
      }
    }
    assertThat((long) published.size())
        .as("results the probe published")
        .isGreaterThanOrEqualTo(run.passed() + run.failed() + run.skipped());
    List<String> reported =
        RpDoubleClient.checksInStartOrder(launch).stream()
            .map(i -> i.path("name").asText() + "=" + i.path("status").asText())
            .toList();
    assertThat(reported)
        .as("check items in the order started")
        .containsExactlyElementsOf(published);
    assertThat(RpDoubleClient.items(launch))
        .allSatisfy(
            i ->
                assertThat(i.path("finishCount").asInt()).as(i.path("name").asText()).isEqualTo(1));
    assertThat(launch.path("interruptedItems").asInt()).isZero();
    assertThat(launch.path("finishRefused").asInt()).isZero();
  }

  /** The messages of a launch's WARN logs. */
  private static List<String> warnings(JsonNode launch) {
    List<String> out = new ArrayList<>();
    for (JsonNode log : launch.path("logs")) {
      if (log.path("level").asText().equals("warn")) {
        out.add(log.path("message").asText());
      }
    }
    return out;
  }

  private static long dataChanges(List<String> warnings) {
    return warnings.stream().filter(w -> w.startsWith("data change of type/")).count();
  }

  private static List<String> attributes(JsonNode node) {
    List<String> out = new ArrayList<>();
    for (JsonNode a : node.path("attributes")) {
      out.add(
          a.has("key")
              ? a.path("key").asText() + ":" + a.path("value").asText()
              : a.path("value").asText());
    }
    return out;
  }

  private synchronized void downQuietly() {
    try {
      if (kafka != null) {
        kafka.close();
        kafka = null;
      }
      stack.down();
      dropDatabase();
      deleteRecursively(stackDir.resolve("kafka/data"));
    } catch (RuntimeException | IOException e) {
      System.out.println("[reporting e2e] could not take the stack down: " + e);
    }
  }

  private void dropDatabase() {
    try {
      stack.dropDatabase(DATABASE);
    } catch (RuntimeException e) {
      System.out.println("[reporting e2e] could not drop " + DATABASE + ": " + e.getMessage());
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static String seconds(long since) {
    return String.format("%.1f", (System.nanoTime() - since) / 1e9);
  }
}
