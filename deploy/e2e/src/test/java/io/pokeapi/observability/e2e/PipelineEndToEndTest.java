package io.pokeapi.observability.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.common.testsupport.HeadlessChromium;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * The whole system on the real data set, brought up with {@code deploy/local/stack up --offline}:
 * Kafka, PostgreSQL, the PokéAPI double serving the 2,770 resources of pokemon, pokemon-species,
 * ability and type, and the services from their packaged jars. The steps run in order and build on
 * each other; after a failure the rest are skipped. Every wait is for a real condition (the run's
 * status, the diff service's evaluation of the run, an empty outbox, the consumer group's committed
 * offsets), never a fixed sleep.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(StopAfterFirstFailure.class)
class PipelineEndToEndTest {

  private static final String DATABASE = E2eSettings.databasePrefix();
  private static final String KILL_DATABASE = E2eSettings.databasePrefix() + "_kill";
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);
  private static final Duration EVALUATION_TIMEOUT = Duration.ofMinutes(10);

  private final long startedAt = System.nanoTime();
  private final Map<String, String> timings = new LinkedHashMap<>();

  private DataSet data;
  private Map<String, SortedSet<String>> resources;
  private long totalResources;
  private Stack stack;
  private ProbeApi probe;
  private DiffApi diff;
  private DiffStore store;
  private KafkaTopics kafka;
  private DoubleClient pokeApi;
  private LoadApi load;
  private static final String LOAD_SUMMARIES = "pokeapi.load-summaries";
  private Map<String, Map<String, String>> servedSha256;
  private DriftedCopy drifted;
  private Instant stackUpAt;

  @BeforeAll
  void upTheStack() throws IOException {
    Optional<Path> dataDir = E2eSettings.dataDir();
    assumeTrue(
        dataDir.isPresent(),
        () ->
            "SKIPPED: the end-to-end tests need the real PokéAPI data set (api/v2/<endpoint>/<id>/"
                + "index.json.gz); none found at "
                + E2eSettings.dataDirCandidates());
    data = new DataSet(dataDir.get());
    resources = data.sweptResources();
    totalResources = resources.values().stream().mapToLong(SortedSet::size).sum();
    say("data set %s: %s resources %s", data.root(), totalResources, counts(resources));

    Path stackDir = E2eSettings.stackDir();
    stack =
        new Stack(
            E2eSettings.repoRoot(), data.root(), stackDir, DATABASE, E2eSettings.buildSuffix());
    stack.down();
    deleteRecursively(stackDir);
    dropDatabases();
    Runtime.getRuntime().addShutdownHook(new Thread(this::downQuietly, "e2e-stack-down"));

    long t0 = System.nanoTime();
    stackUpAt = Instant.now();
    System.out.println(stack.up());
    timings.put("stack up (build if needed, start, health)", seconds(t0));
    connect();
  }

  @AfterAll
  void downTheStack() {
    if (stack == null) {
      return;
    }
    System.out.println(stack.status());
    downQuietly();
    if (drifted != null) {
      drifted.delete();
    }
    say("wall time %s s; by step:", seconds(startedAt));
    timings.forEach((step, time) -> System.out.printf("  %-58s %8s s%n", step, time));
  }

  @Test
  @Order(1)
  @DisplayName("1. first sweep: every response stored exactly once, as served, and zero drift")
  void firstSweep() throws InterruptedException {
    Map<TopicPartition, Long> driftFrom = kafka.endOffsets(KafkaTopics.DRIFT_EVENTS);
    Sweep sweep = sweep("first sweep (empty store)", store);
    assertAllChecksPassed(sweep.run());

    assertThat(sweep.run().requests())
        .as("one request per resource and per list page, no retries")
        .isEqualTo(totalResources + listPages());
    assertEveryResourceStoredOnce(store);
    assertStoredBodiesAreTheServedOnes(store);
    assertNoDrift(store, driftFrom);
    for (String endpoint : DataSet.SWEPT_ENDPOINTS) {
      assertThat(diff.schemaStatus(endpoint))
          .as("the first full sweep establishes the schema of %s", endpoint)
          .isEqualTo(200);
    }
  }

  @Test
  @Order(2)
  @DisplayName("2. the same sweep again: no new snapshot rows, every resource seen, zero drift")
  void unchangedSweep() {
    Map<String, Long> before = store.tableCounts();
    Map<TopicPartition, Long> driftFrom = kafka.endOffsets(KafkaTopics.DRIFT_EVENTS);

    Sweep sweep = sweep("unchanged sweep", store);
    assertAllChecksPassed(sweep.run());

    assertThat(store.tableCounts())
        .as("rows of the store after the unchanged sweep")
        .isEqualTo(before);
    assertThat(store.resourcesNotSeenBy(sweep.run().id()))
        .as("resources whose current body the unchanged sweep did not confirm")
        .isZero();
    assertEveryResourceStoredOnce(store);
    assertNoDrift(store, driftFrom);
  }

  @Test
  @Order(3)
  @DisplayName("3. drifted copy: exactly the five changes, stored and published once each")
  void driftedSweep() throws IOException {
    drifted = DriftedCopy.create(data, Files.createTempDirectory("pokeobs-e2e-drift-"));
    assertThat(pokeApi.reload(drifted.root())).isEqualTo(DriftedCopy.RELEASE_HASH);
    Map<TopicPartition, Long> driftFrom = kafka.endOffsets(KafkaTopics.DRIFT_EVENTS);
    long snapshotsBefore = store.count("SELECT count(*) FROM snapshots");
    List<DriftEvent> expected = drifted.expectedEvents();

    Sweep sweep = sweep("sweep over the drifted copy", store);
    UUID run = sweep.run().id();
    long changedResources = expected.stream().filter(e -> e.kind().equals("data")).count();
    assertThat(sweep.run().failed())
        .as("checks failed by the changed resources (each can break its model and its contract)")
        .isBetween(1L, 2 * changedResources);

    List<JsonNode> published = publishedSince(driftFrom);
    say("expected %d drift events, %d published", expected.size(), published.size());
    assertThat(published.stream().map(DriftEvent::of).toList())
        .as("DriftDetected events on %s", KafkaTopics.DRIFT_EVENTS)
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(published)
        .allSatisfy(
            e -> {
              assertThat(e.path("runId").asText()).isEqualTo(run.toString());
              assertThat(e.path("releaseHash").asText()).isEqualTo(DriftedCopy.RELEASE_HASH);
              assertThat(e.path("edgeInconsistency").asBoolean()).isFalse();
            });
    assertPublishedValues(published);

    assertThat(store.count("SELECT count(*) FROM snapshots"))
        .as("one new snapshot per changed resource")
        .isEqualTo(snapshotsBefore + changedResources);
    assertThat(storedDriftOf(run))
        .as("drift events the diff service stores and serves (GET /api/v1/drift-events)")
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(store.count("SELECT count(*) FROM data_changes WHERE run_id <> ?", run)).isZero();
    assertThat(
            store.count("SELECT count(*) FROM schema_changes WHERE run_id IS DISTINCT FROM ?", run))
        .isZero();
  }

  @Test
  @Order(4)
  @DisplayName("4. kill -9 of the diff service mid-sweep: zero snapshots lost, zero duplicated")
  void killedDiffService() {
    assertThat(pokeApi.reload(data.root())).isNotEqualTo(DriftedCopy.RELEASE_HASH);
    // everything so far consumed and committed, so the new store starts from the next sweep
    await("the diff service's committed offsets at the end of " + KafkaTopics.API_RESPONSES)
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> kafka.lag(KafkaTopics.DIFF_GROUP, KafkaTopics.API_RESPONSES), lag -> lag == 0);
    // a fresh store, and a probe without remembered ETags, so that every body is written again
    stack.down("diff-service", "probe-service");
    stack.useDatabase(KILL_DATABASE);
    long t0 = System.nanoTime();
    stack.restart();
    timings.put("restart diff-service and probe-service on a fresh store", seconds(t0));
    connect();
    DiffStore killStore = store;
    Map<TopicPartition, Long> driftFrom = kafka.endOffsets(KafkaTopics.DRIFT_EVENTS);

    long sweepStart = System.nanoTime();
    UUID id = probe.start("sweep");
    long killAt = totalResources * 5 / 100;
    await("at least " + killAt + " resources stored by the diff service")
        .atMost(RUN_TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .until(killStore::resourceSnapshots, stored -> stored >= killAt);
    long pid = stack.kill9("DIFF_PID");
    long storedAtKill = killStore.resourceSnapshots();
    ProbeApi.Run atKill = probe.get(id);
    say(
        "killed the diff service (pid %d) with %d of %d resources stored; %s",
        pid, storedAtKill, totalResources, atKill);
    assertThat(atKill.running())
        .as("the sweep is still running when the diff service dies")
        .isTrue();
    assertThat(storedAtKill)
        .as("resources stored when the diff service died")
        .isBetween(1L, totalResources - 1);
    String probePid = stack.env("PROBE_PID");

    stack.restart();
    assertThat(stack.env("PROBE_PID")).as("up restarts only what is gone").isEqualTo(probePid);
    assertThat(stack.env("DIFF_PID")).isNotEqualTo(Long.toString(pid));
    Sweep sweep = awaitSweep(id, "sweep with kill -9 of the diff service", killStore, sweepStart);
    assertAllChecksPassed(sweep.run());

    assertThat(sweep.run().requests()).isEqualTo(totalResources + listPages());
    assertThat(killStore.distinctUrlsOf(id))
        .as("distinct URLs among the stored captures (none lost, none twice)")
        .isEqualTo(sweep.run().requests());
    assertEveryResourceStoredOnce(killStore);
    assertStoredBodiesAreTheServedOnes(killStore);
    assertNoDrift(killStore, driftFrom);
  }

  @Test
  @Order(5)
  @DisplayName(
      "5. smoke and regression runs against the double pass (urls into endpoints the data lacks aside)")
  void smokeAndRegression() {
    Map<TopicPartition, Long> checksFrom = kafka.endOffsets(KafkaTopics.CHECK_RESULTS);
    long t0 = System.nanoTime();
    ProbeApi.Run smoke = probe.awaitEnd(probe.start("smoke"), RUN_TIMEOUT);
    say("%s", smoke);
    assertThat(smoke.status()).isEqualTo("completed");
    assertThat(smoke.failed()).as("failed smoke checks").isZero();
    assertThat(smoke.skipped()).as("skipped smoke checks").isZero();
    assertThat(smoke.passed()).isPositive();

    // issue 9 item 5 on the packaged services: a malformed %-escape is a 400 with problem details
    // (Quarkus's own URI check would answer it with an empty 400 before any route)
    Map<String, String> urls = stack.env();
    for (String target :
        List.of(
            urls.get("PROBE_URL") + " /api/runs?limit=%%",
            urls.get("PROBE_URL") + " /api/runs/%zz",
            urls.get("DIFF_URL") + " /api/v1/schemas?size=%%",
            urls.get("DIFF_URL") + " /api/v1/schemas/pokemon%zz/versions")) {
      String[] parts = target.split(" ", 2);
      RawRequest.Answer answer = RawRequest.get(parts[0], parts[1]);
      assertThat(answer.status()).as("GET %s", target).isEqualTo(400);
      assertThat(answer.contentType()).as("GET %s", target).startsWith("application/problem+json");
      assertThat(answer.body()).as("GET %s", target).contains("\"status\":400");
    }

    ProbeApi.Run regression = probe.awaitEnd(probe.start("regression"), RUN_TIMEOUT);
    timings.put("smoke and regression runs", seconds(t0));
    say("%s", regression);
    assertThat(regression.status()).isEqualTo("completed");
    assertThat(regression.skipped()).as("skipped regression checks").isZero();
    assertThat(regression.passed()).isPositive();

    List<JsonNode> checks =
        kafka
            .read(
                KafkaTopics.CHECK_RESULTS, checksFrom, kafka.endOffsets(KafkaTopics.CHECK_RESULTS))
            .stream()
            .filter(c -> c.path("runId").asText().equals(regression.id().toString()))
            .toList();
    // The stack aims the regression's urls-resolve check at the endpoints the data set holds
    // (PROBE_REGRESSION_URL_ENDPOINTS), so the whole run must pass.
    assertThat(checks)
        .as("failed regression checks on %s", KafkaTopics.CHECK_RESULTS)
        .filteredOn(c -> !c.path("status").asText().equals("passed"))
        .isEmpty();
    assertThat(regression.failed()).as("failed regression checks").isZero();
    assertThat(checks)
        .as("url checks into the swept endpoints pass")
        .anySatisfy(
            c -> {
              assertThat(c.path("checkName").asText()).endsWith(".urls-resolve");
              assertThat(c.path("status").asText()).isEqualTo("passed");
              assertThat(DataSet.SWEPT_ENDPOINTS).contains(c.path("endpoint").asText());
            });
  }

  @Test
  @Order(7)
  @DisplayName(
      "7. every Grafana panel shows data: after step 6's load run and a failing smoke, each panel's"
          + " queries return series from the real Prometheus")
  void everyPanelShowsData() {
    // latency baselines within minutes instead of every 15: the diff service restarted with a
    // short recompute period, on the store of step 4 (one full sweep of latency samples)
    long t0 = System.nanoTime();
    stack.down("diff-service");
    // and the probe restarted with an empty ETag cache: the smoke below gets 200s (a run's latency
    // is compared on its 2xx answers only; 304s and 503s alone give nothing to compare), and the
    // seeded body fault below reaches the ability requests (a 304 carries no body to break)
    stack.down("probe-service");
    stack.setEnvironment("DIFF_BASELINE_RECOMPUTE_EVERY", "3s");
    // a run with failed requests has fewer captures than requests: it is evaluated once no capture
    // arrived for the settle time (2 minutes by default)
    stack.setEnvironment("DIFF_RUNS_SETTLE_TIME", "PT5S");
    stack.restart();
    connect();
    String diffUrl = stack.env("DIFF_URL");
    await("latency baselines from step 4's samples")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                io.restassured.RestAssured.get(diffUrl + "/api/v1/baselines")
                    .asString()
                    .contains("endpoint"));

    // a user's look at the flakiest checks (the reporter's HTTP panel), early enough for the
    // scrapes after it to give a rate
    io.restassured.RestAssured.get(stack.env("REPORTER_URL") + "/api/v1/flaky-checks");

    // failures, failure types and failed checks: every request to type answers 503 for one smoke;
    // and a flaky check: the first two requests to ability get malformed JSON and the rest are
    // served (seed 37 makes the dice of rule flaky-ability fire on exactly its first two rolls), so
    // that a check that failed passes when the probe re-runs it
    pokeApi.faults(
        37,
        List.of(
            Map.of("endpoint", "type", "kind", "http_503", "rate", 1.0),
            Map.of(
                "id",
                "flaky-ability",
                "endpoint",
                "ability",
                "kind",
                "malformed_json",
                "rate",
                0.5)));
    ProbeApi.Run failing;
    try {
      failing = probe.awaitEnd(probe.start("smoke"), RUN_TIMEOUT);
    } finally {
      pokeApi.clearFaults();
    }
    say("smoke with type answering 503: %s", failing);
    assertThat(failing.failed()).as("checks failed by the 503s").isPositive();
    await("the diff service's latency evaluation of that run against the baselines")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> metricsText(diffUrl).contains("pokeapi_latency_regression{"));
    timings.put("baselines, a failing smoke and its evaluation", seconds(t0));

    Map<String, String> env = stack.env();
    String prometheusUrl = env.get("PROMETHEUS_URL");
    assumeTrue(
        env.get("PROMETHEUS_PID") != null && !env.get("PROMETHEUS_PID").isBlank(),
        "SKIPPED: Prometheus is not installed (Debian: apt-get install prometheus), so the stack"
            + " started none; .ci/run installs it from .ci/debian-packages");

    long t1 = System.nanoTime();

    DashboardPanels panels = new DashboardPanels(java.net.URI.create(prometheusUrl));
    Instant settled = Instant.now();
    await("a scrape of every target after the last run")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> panels.scrapedSince(settled.plusSeconds(1)));
    say("Prometheus targets: %s", panels.targets());

    List<String> empty = new ArrayList<>();
    int withData = 0;
    Instant to = Instant.now();
    List<DashboardPanels.Panel> all =
        DashboardPanels.load(E2eSettings.repoRoot().resolve("dashboards"), "30s");
    for (DashboardPanels.Panel panel : all) {
      int series = panels.series(panel, stackUpAt.minusSeconds(60), to);
      if (series > 0) {
        withData++;
      } else {
        empty.add(panel.name() + "  " + panel.queries());
      }
    }
    say("%d panels: %d show data", all.size(), withData);
    assertThat(empty)
        .as("panels that show nothing (a panel that shows nothing is a bug)")
        .isEmpty();
    assertThat(all).hasSizeGreaterThan(50);
  }

  @Test
  @Order(8)
  @DisplayName(
      "8. the Promtail pipeline on the services' real log lines: every extracted field present,"
          + " every label bounded")
  void logPipeline() {
    // reads the lines of step 7's failing smoke: runs with it
    LogPipeline pipeline =
        new LogPipeline(E2eSettings.repoRoot().resolve("deploy/loki/promtail.yml"));
    // labels: few values each; the run, check and endpoint stay out of the index
    assertThat(pipeline.labels()).containsExactlyInAnyOrder("level", "service");
    assertThat(pipeline.relabelTargets()).containsExactlyInAnyOrder("container", "service");
    assertThat(pipeline.relabelSources())
        .containsOnly("__meta_docker_container_label_com_docker_compose_service");
    assertThat(pipeline.metadata()).contains("run_id", "suite", "check", "endpoint");
    assertThat(pipeline.metadata()).doesNotContainAnyElementsOf(pipeline.labels());

    Path logs = Path.of(stack.env("STACK_DIR")).resolve("logs");
    List<String> services =
        List.of("probe-service", "diff-service", "load-service", "reporter-service");
    Map<String, Set<String>> labelValues = new TreeMap<>();
    Map<String, Integer> extractedCount = new TreeMap<>();
    List<LogPipeline.Entry> checkLines = new ArrayList<>();
    int lines = 0;
    int[] skipped = {0};
    for (String service : services) {
      List<LogPipeline.Entry> entries = pipeline.read(logs.resolve(service + ".log"), skipped);
      assertThat(entries).as("JSON lines in %s's log", service).isNotEmpty();
      for (LogPipeline.Entry entry : entries) {
        lines++;
        assertThat(entry.labels())
            .as("labels of a %s line", service)
            .containsKeys("level", "service");
        assertThat(entry.labels().get("service")).isEqualTo(service);
        assertThat(entry.metadata()).as("a %s line", service).containsKey("logger");
        entry
            .labels()
            .forEach((k, v) -> labelValues.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
        entry.labels().keySet().forEach(k -> extractedCount.merge(k, 1, Integer::sum));
        entry.metadata().keySet().forEach(k -> extractedCount.merge(k, 1, Integer::sum));
        if ("io.pokeapi.observability.probe.check".equals(entry.metadata().get("logger"))) {
          checkLines.add(entry);
        }
      }
    }
    say(
        "%d JSON log lines (%d other lines skipped); label values %s; fields extracted %s",
        lines, skipped[0], labelValues, extractedCount);
    assertThat(labelValues.get("level"))
        .isSubsetOf("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
    assertThat(labelValues.get("service")).containsExactlyInAnyOrderElementsOf(services);
    assertThat(extractedCount.keySet())
        .as("every field the pipeline extracts occurs in the real logs")
        .containsAll(pipeline.expressions().keySet());
    assertThat(checkLines).as("the probe's check lines").hasSizeGreaterThan(1000);
    assertThat(checkLines)
        .allSatisfy(
            e ->
                assertThat(e.metadata())
                    .containsKeys("run_id", "suite", "check", "endpoint", "check_status"));
    assertThat(checkLines)
        .as("failed check lines (the drifted sweep's, the failing smoke's) carry the failure type")
        .anySatisfy(
            e -> {
              assertThat(e.metadata()).containsEntry("check_status", "failed");
              assertThat(e.metadata()).containsKey("failure_type");
            });
  }

  /** The Prometheus text a service serves at /q/metrics. */
  private static String metricsText(String serviceUrl) {
    return io.restassured.RestAssured.get(serviceUrl + "/q/metrics").asString();
  }

  @Test
  @Order(6)
  @DisplayName(
      "6. a short load run against the double: its summary on pokeapi.load-summaries counts what"
          + " the double served, and its HTML report renders")
  void loadRun() throws Exception {
    List<String> endpoints = List.of("pokemon", "type", "ability");
    Map<TopicPartition, Long> summariesFrom = kafka.endOffsets(LOAD_SUMMARIES);
    long servedBefore = pokeApi.requestsServed(endpoints);
    long t0 = System.nanoTime();
    // the original design's mix, aimed at the double (the stack's LOAD_TARGET_BASE_URL)
    UUID id =
        load.start(
            """
            {"profile": {"name": "e2e-load", "model": "open", "rate": 20, "duration": "3s",
              "requests": [{"path": "/pokemon/{id}", "weight": 3, "idRange": {"from": 1, "to": 151}},
                           {"path": "/type/{id}", "weight": 1, "idRange": {"from": 1, "to": 18}},
                           {"path": "/ability/{id}", "weight": 1, "idRange": {"from": 1, "to": 150}}]}}
            """);
    JsonPath run = load.awaitEnd(id, Duration.ofMinutes(3));
    say(
        "load run %s: %s, %s requests, valid %s",
        id, run.getString("status"), run.getLong("progress.requests"), run.get("valid"));
    assertThat(run.getString("status")).isEqualTo("completed");
    long served = pokeApi.requestsServed(endpoints) - servedBefore;

    JsonNode summary =
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    kafka
                        .read(LOAD_SUMMARIES, summariesFrom, kafka.endOffsets(LOAD_SUMMARIES))
                        .stream()
                        .filter(v -> v.path("runId").asText().equals(id.toString()))
                        .findFirst()
                        .orElse(null),
                java.util.Objects::nonNull);
    timings.put("load run (3 s at 20 requests/s) and its summary", seconds(t0));
    // 20 requests/s for 3 s: 60 arrivals, each sent once and answered by the double
    assertThat(summary.path("requests").asLong()).isEqualTo(60);
    assertThat(served).as("requests the double counted").isEqualTo(60);
    assertThat(summary.path("errorsByClass").size()).as("errors").isZero();
    assertThat(summary.path("scenario").asText()).isEqualTo("e2e-load");
    assertThat(summary.path("histogram").asText()).isNotEmpty();
    assertThat(summary.path("latency").path("p99Micros").asLong()).isPositive();

    String html = load.htmlReport(id);
    assumeTrue(HeadlessChromium.binary() != null, "Debian package chromium is not installed");
    Path page = Files.createTempFile("e2e-load-report", ".html");
    try {
      Files.writeString(page, html);
      HeadlessChromium.Rendered rendered = HeadlessChromium.render(page);
      assertThat(rendered.dom()).as(rendered.log()).contains("data-ready=\"true\"");
      assertThat(rendered.dom()).contains("data-errors=\"0\"");
      assertThat(rendered.dom().split("data-rendered=\"true\"", -1).length - 1)
          .as("charts rendered with data")
          .isEqualTo(4);
      assertThat(rendered.log().lines().filter(l -> l.contains(":CONSOLE")).toList()).isEmpty();
    } finally {
      Files.deleteIfExists(page);
    }
  }

  // --- sweeps
  // --------------------------------------------------------------------------------------

  private record Sweep(ProbeApi.Run run) {}

  private Sweep sweep(String label, DiffStore target) {
    long t0 = System.nanoTime();
    return awaitSweep(probe.start("sweep"), label, target, t0);
  }

  private static void assertAllChecksPassed(ProbeApi.Run run) {
    assertThat(run.failed()).as("failed checks of " + run).isZero();
  }

  /**
   * Waits until the sweep has ended, the diff service has stored all its captures and evaluated it,
   * its drift events are published and its offsets committed; records how long each part took.
   */
  private Sweep awaitSweep(UUID id, String label, DiffStore target, long t0) {
    ProbeApi.Run run = probe.awaitEnd(id, RUN_TIMEOUT);
    String probeSeconds = seconds(t0);
    say("%s", run);
    assertThat(run.status()).as("status of " + run).isEqualTo("completed");
    await("the diff service's evaluation of run " + id)
        .atMost(EVALUATION_TIMEOUT)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> target.finalized(id));
    await("an empty outbox (drift events published)")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(250))
        .until(target::outboxBacklog, backlog -> backlog == 0);
    String storedSeconds = seconds(t0);
    await("the diff service's committed offsets at the end of " + KafkaTopics.API_RESPONSES)
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> kafka.lag(KafkaTopics.DIFF_GROUP, KafkaTopics.API_RESPONSES), lag -> lag == 0);
    assertThat(target.capturesOf(id))
        .as("captures of the run the diff service stored (one per request)")
        .isEqualTo(run.requests());
    timings.put(label + ": probe done", probeSeconds);
    timings.put(label + ": stored and evaluated", storedSeconds);
    say(
        "%s: probe done after %s s, stored and evaluated after %s s",
        label, probeSeconds, storedSeconds);
    return new Sweep(run);
  }

  // --- assertions
  // ----------------------------------------------------------------------------------

  private void assertEveryResourceStoredOnce(DiffStore target) {
    Map<String, DiffStore.ScopeCount> scopes = target.snapshotsByScope();
    for (Map.Entry<String, SortedSet<String>> endpoint : resources.entrySet()) {
      long expected = endpoint.getValue().size();
      assertThat(scopes.get(endpoint.getKey()))
          .as("snapshot rows and distinct resources of %s", endpoint.getKey())
          .isEqualTo(new DiffStore.ScopeCount(expected, expected));
    }
    long listRows =
        scopes.entrySet().stream()
            .filter(e -> e.getKey().endsWith(":list"))
            .peek(
                e ->
                    assertThat(e.getValue().rows())
                        .as("rows of %s", e.getKey())
                        .isEqualTo(e.getValue().resources()))
            .mapToLong(e -> e.getValue().rows())
            .sum();
    assertThat(listRows).as("list pages stored").isEqualTo(listPages());
  }

  private void assertStoredBodiesAreTheServedOnes(DiffStore target) {
    if (servedSha256 == null) {
      servedSha256 = new HashMap<>();
      long t0 = System.nanoTime();
      for (String endpoint : DataSet.SWEPT_ENDPOINTS) {
        try {
          servedSha256.put(endpoint, pokeApi.sha256OfResources(endpoint, resources.get(endpoint)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      timings.put("fetch the 2,770 bodies straight from the double (SHA-256)", seconds(t0));
    }
    for (String endpoint : DataSet.SWEPT_ENDPOINTS) {
      assertThat(target.headSha256(endpoint))
          .as(
              "SHA-256 of the stored current body of each %s resource vs the body the double serves",
              endpoint)
          .isEqualTo(servedSha256.get(endpoint));
    }
  }

  private void assertNoDrift(DiffStore target, Map<TopicPartition, Long> driftFrom) {
    assertThat(target.count("SELECT count(*) FROM schema_changes"))
        .as("schema changes stored")
        .isZero();
    assertThat(target.count("SELECT count(*) FROM data_changes"))
        .as("data changes stored")
        .isZero();
    assertThat(diff.driftEvents()).as("GET /api/v1/drift-events").isEmpty();
    assertThat(publishedSince(driftFrom)).as("DriftDetected events published").isEmpty();
  }

  private void assertPublishedValues(List<JsonNode> published) {
    JsonNode weight = change(published, "pokemon", "25", "/weight");
    assertThat(weight.path("oldValue").asInt()).isEqualTo(drifted.weightBefore().asInt());
    assertThat(weight.path("newValue").asInt()).isEqualTo(drifted.weightBefore().asInt() + 1);
    JsonNode captureRate = change(published, "pokemon-species", "133", "/capture_rate");
    assertThat(captureRate.path("oldValue").isNumber()).isTrue();
    assertThat(captureRate.path("newValue").isNull())
        .as("capture_rate's new value is null")
        .isTrue();
    JsonNode baseExperience = change(published, "pokemon", "1", "/base_experience");
    assertThat(baseExperience.path("oldValue").isIntegralNumber()).isTrue();
    assertThat(baseExperience.path("newValue").isTextual()).isTrue();
  }

  private static JsonNode change(List<JsonNode> events, String endpoint, String key, String path) {
    for (JsonNode event : events) {
      if (event.path("kind").asText().equals("data")
          && event.path("endpoint").asText().equals(endpoint)
          && event.path("resourceKey").asText().equals(key)) {
        for (JsonNode change : event.path("changes")) {
          if (change.path("path").asText().equals(path)) {
            return change;
          }
        }
      }
    }
    throw new AssertionError(
        "no data change " + endpoint + "/" + key + " " + path + " in " + events);
  }

  /** The drift of a run as the REST API serves it, in the shape of the published events. */
  private List<DriftEvent> storedDriftOf(UUID run) {
    List<DriftEvent> stored = new ArrayList<>();
    for (Map<String, Object> item : diff.driftEvents()) {
      if (!run.toString().equals(item.get("runId"))) {
        continue;
      }
      if ("schema".equals(item.get("kind"))) {
        stored.add(
            DriftEvent.schema(
                (String) item.get("endpoint"),
                ((String) item.get("changeType")).toLowerCase(Locale.ROOT)
                    + " "
                    + item.get("path")));
      } else {
        JsonPath change = diff.dataChange(((Number) item.get("id")).longValue());
        List<String> operations = new ArrayList<>();
        for (Map<String, Object> op : change.<Map<String, Object>>getList("operations")) {
          operations.add(op.get("changeType") + " " + op.get("path"));
        }
        stored.add(
            DriftEvent.data(
                (String) item.get("endpoint"),
                (String) item.get("resourceKey"),
                operations.toArray(String[]::new)));
      }
    }
    return stored;
  }

  // --- helpers
  // -------------------------------------------------------------------------------------

  private List<JsonNode> publishedSince(Map<TopicPartition, Long> from) {
    return kafka.read(KafkaTopics.DRIFT_EVENTS, from, kafka.endOffsets(KafkaTopics.DRIFT_EVENTS));
  }

  /** The list pages the sweep reads to discover the ids (pages of 1,000 entries). */
  private long listPages() {
    return resources.values().stream().mapToLong(ids -> (ids.size() + 999) / 1000).sum();
  }

  private void connect() {
    Map<String, String> env = stack.env();
    if (kafka == null) {
      kafka = new KafkaTopics(env.get("KAFKA_BOOTSTRAP_SERVERS"));
    }
    probe = new ProbeApi(env.get("PROBE_URL"));
    diff = new DiffApi(env.get("DIFF_URL"));
    pokeApi = new DoubleClient(env.get("DOUBLE_URL"));
    load = new LoadApi(env.get("LOAD_URL"));
    store =
        new DiffStore(
            env.get("PG_HOST"),
            env.get("PG_PORT"),
            stack.database(),
            env.get("PG_USER"),
            Optional.ofNullable(System.getenv("POKEOBS_PG_PASSWORD")).orElse(""));
  }

  private void dropDatabases() {
    for (String db : List.of(DATABASE, KILL_DATABASE)) {
      try {
        stack.dropDatabase(db);
      } catch (IllegalStateException e) {
        say("could not drop %s (no server yet?): %s", db, e.getMessage());
      }
    }
  }

  private synchronized void downQuietly() {
    try {
      if (kafka != null) {
        kafka.close();
        kafka = null;
      }
      stack.down();
      dropDatabases();
      deleteRecursively(E2eSettings.stackDir().resolve("kafka/data"));
    } catch (RuntimeException | IOException e) {
      say("could not take the stack down: %s", e);
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

  private static String counts(Map<String, SortedSet<String>> byEndpoint) {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    byEndpoint.forEach((e, ids) -> sizes.put(e, ids.size()));
    return sizes.toString();
  }

  private static String seconds(long since) {
    return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - since) / 1e9);
  }

  private void say(String format, Object... args) {
    System.out.printf(
        Locale.ROOT,
        "[e2e %7s s] %s%n",
        seconds(startedAt),
        String.format(Locale.ROOT, format, args));
  }
}
