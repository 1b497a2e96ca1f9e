package io.pokeapi.observability.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 9, "Prove it under faults": the pipeline on the real data while its parts fail, one
 * scenario per test, all on one stack ({@code deploy/local/stack up --offline}, with the probe and
 * the diff service only) whose diff service stores into a throwaway PostgreSQL cluster of its own
 * (on its own port, so that it can be restarted and stopped; the machine's server is never
 * touched). The sweeps cover {@link #ENDPOINTS} (394 resources) under a rate cap of {@link
 * #SWEEP_RATE} requests a second, so that every sweep lasts about 20 s whether the probe's ETag
 * cache is cold or warm, and each fault lands in the middle of one; the sweeps in which the diff
 * service is killed twice and PostgreSQL restarted twice cover {@link #LONG_SWEEP} (1,419
 * resources, about 71 s), long enough for the second fault to land after the recovery from the
 * first.
 *
 * <p>Each scenario prints what was lost, duplicated and recovered, then asserts what a user relies
 * on: every capture stored once (as many distinct URLs as requests, no URL twice), each resource
 * one snapshot whose SHA-256 is that of the body the double serves, no drift, the consumer group's
 * lag back to 0, the run evaluated, and every component ready again without a manual restart (only
 * the component a scenario kills is started again, as a supervisor would).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineUnderFaultsTest {

  /** The sweep of each scenario: every resource of these endpoints. */
  static final List<String> ENDPOINTS = List.of("ability", "type");

  /** The sweep of the scenario with two kills and a restart in between. */
  static final List<String> LONG_SWEEP = List.of("pokemon-species", "ability", "type");

  /** The probe's rate cap (requests a second) while the scenarios run. */
  static final int SWEEP_RATE = 20;

  private static final String DATABASE = E2eSettings.databasePrefix() + "_faults";
  private static final int PORT_SHIFT = 100;
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration OUTAGE = Duration.ofSeconds(60);
  private static final String RUN_EVENTS = "pokeapi.run-events";
  private static final String DEAD_LETTERS_METRIC = "pokeapi_ingest_dead_letters_total";
  private static final Set<String> SMOKE_RESOURCES = Set.of("pokemon/25", "type/10", "ability/65");

  private final long startedAt = System.nanoTime();
  private final Map<String, String> timings = new LinkedHashMap<>();

  private DataSet data;
  private Map<String, SortedSet<String>> resources;
  private long expectedRequests;
  private Path clusterDir;
  private Stack stack;
  private ProbeApi probe;
  private DiffApi diff;
  private DiffStore store;
  private KafkaTopics kafka;
  private DoubleClient pokeApi;
  private ServiceHealth health;
  private Map<String, Map<String, String>> servedSha256;
  private DriftedCopy drifted;
  private String scenario;
  private long scenarioStart;

  @BeforeAll
  void upTheStack() throws IOException, InterruptedException {
    Optional<Path> dataDir = E2eSettings.dataDir();
    assumeTrue(
        dataDir.isPresent(),
        () ->
            "SKIPPED: the fault scenarios need the real PokéAPI data set; none found at "
                + E2eSettings.dataDirCandidates());
    data = new DataSet(dataDir.get());
    resources = new TreeMap<>();
    LONG_SWEEP.forEach(e -> resources.put(e, data.resourceIds(e)));
    long resourceCount = ENDPOINTS.stream().mapToLong(e -> resources.get(e).size()).sum();
    expectedRequests = requestsOf(ENDPOINTS);

    Path stackDir = E2eSettings.stackDir().resolveSibling("e2e-faults-stack");
    stack =
        new Stack(
            E2eSettings.repoRoot(),
            data.root(),
            stackDir,
            DATABASE,
            E2eSettings.buildSuffix(),
            PORT_SHIFT);
    // a PostgreSQL cluster of this class alone: deploy/local/postgres creates it (initdb as the
    // postgres user) when the stack comes up, and the scenarios restart and stop it
    clusterDir = Files.createTempDirectory("pokeobs-e2e-faults-pg-");
    stack.setEnv("POKEOBS_PG_PORT", Integer.toString(E2eSettings.port("faults.pg", 15432)));
    stack.setEnv("POKEOBS_PG_CLUSTER_DIR", clusterDir.toString());
    stack.setEnv("POKEOBS_SERVICES", "probe-service diff-service");
    stack.setEnv("POKEOBS_PROMETHEUS", "off");
    // a sweep of 396 requests lasts about 20 s even when every answer is a 304: long enough to put
    // a fault in its middle
    stack.setEnv("PROBE_RATE_CAP_REQUESTS_PER_SECOND", Integer.toString(SWEEP_RATE));
    // a run the restarted probe closes as aborted announces no capture count: the diff service
    // closes it once none of its captures arrived for this long (2 minutes by default)
    stack.setEnv("DIFF_RUNS_SETTLE_TIME", "PT10S");
    // finished runs are looked at every second (5 s by default): each scenario waits for its run's
    // evaluation
    stack.setEnv("DIFF_RUNS_CHECK_EVERY", "1s");
    // the broker is restarted mid-scenario on a machine that may be busy
    stack.setEnv("POKEOBS_KAFKA_START_TIMEOUT", "300");
    // synchronous commit, as on a real server: a crash (restart -m immediate) loses no committed
    // transaction, so whatever is lost is the pipeline's doing (fsync stays off: the OS never
    // crashes here)
    stack.setEnv("POKEOBS_PG_SERVER_OPTIONS", "-c fsync=off -c full_page_writes=off");
    stack.down();
    deleteRecursively(stackDir);
    Runtime.getRuntime().addShutdownHook(new Thread(this::downQuietly, "e2e-faults-stack-down"));

    long t0 = System.nanoTime();
    System.out.println(stack.up());
    timings.put("stack up (throwaway PostgreSQL, Kafka, double, probe, diff)", seconds(t0));
    connect();
    servedSha256 = new TreeMap<>();
    for (String endpoint : LONG_SWEEP) {
      servedSha256.put(endpoint, pokeApi.sha256OfResources(endpoint, resources.get(endpoint)));
    }
    say(
        "sweeps cover %s: %d resources, %d requests; PostgreSQL %s:%s (cluster %s)",
        ENDPOINTS,
        resourceCount,
        expectedRequests,
        stack.env("PG_HOST"),
        stack.env("PG_PORT"),
        clusterDir);
  }

  @AfterAll
  void downTheStack() {
    if (stack == null) {
      return;
    }
    System.out.println(stack.status());
    long t0 = System.nanoTime();
    downQuietly();
    if (drifted != null) {
      drifted.delete();
    }
    timings.put("stack down", seconds(t0));
    say("wall time %s s; by scenario:", seconds(startedAt));
    timings.forEach((step, time) -> System.out.printf("  %-62s %8s s%n", step, time));
  }

  @BeforeEach
  void startScenario(TestInfo test) {
    scenario = test.getDisplayName();
    scenarioStart = System.nanoTime();
    say("=== %s", scenario);
    // a scenario starts on a quiet, ready stack; one a previous scenario left broken is restarted
    // here (and said so), so that each scenario shows its own result
    if (!health.allReady()) {
      say("NOT READY before the scenario: %s; restarting what is down", health.readiness());
      stack.restart();
      connect();
    }
  }

  @Test
  @Order(1)
  @DisplayName("baseline: a sweep with no fault")
  void baseline() {
    UUID run = probe.start("sweep", ENDPOINTS);
    verify(run, probe.awaitEnd(run, RUN_TIMEOUT), System.nanoTime());
  }

  @Test
  @Order(2)
  @DisplayName("PostgreSQL restarted mid-sweep, fast then immediate (a crash)")
  void postgresRestarted() {
    // the long sweep (about 70 s at the rate cap): two restarts and the diff service's recovery
    // from the first fit in it with a wide margin, however slow the machine
    long requests = requestsOf(LONG_SWEEP);
    UUID run = probe.start("sweep", LONG_SWEEP);
    long restartedAt = 0;
    long storedAtLastFault = 0;
    for (String mode : List.of("fast", "immediate")) {
      // the crash lands as soon as the diff service stores again after the fast restart, while it
      // writes the backlog the probe built up meanwhile (a fixed share of the sweep could be
      // passed in one burst of that backlog on a busy machine, after the sweep's last capture)
      awaitStored(run, mode.equals("fast") ? requests / 5 : storedAtLastFault + 1);
      long storedBefore = capturesOf(run);
      storedAtLastFault = storedBefore;
      long t0 = System.nanoTime();
      stack.postgres("restart", "--mode", mode);
      restartedAt = System.nanoTime();
      say(
          "PostgreSQL restarted (%s) in %s s with %d captures stored; %s",
          mode, seconds(t0), storedBefore, probe.get(run));
      assertLandedMidSweep(storedBefore, requests);
    }
    verify(LONG_SWEEP, run, probe.awaitEnd(run, RUN_TIMEOUT), restartedAt);
  }

  @Test
  @Order(4)
  @DisplayName("PostgreSQL stopped for 60 s mid-sweep")
  void postgresStoppedForAMinute() {
    UUID run = probe.start("sweep", ENDPOINTS);
    awaitStored(run, expectedRequests / 10);
    long storedBefore = capturesOf(run);
    stack.postgres("stop", "--mode", "fast");
    long stoppedAt = System.nanoTime();
    say("PostgreSQL stopped with %d captures of the run stored; %s", storedBefore, probe.get(run));
    assertLandedMidSweep(storedBefore, expectedRequests);
    Map<Integer, Integer> readinessSeen = new TreeMap<>();
    while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
      readinessSeen.merge(health.diffReadiness(), 1, Integer::sum);
      sleep(Duration.ofSeconds(2));
    }
    stack.postgres("ensure");
    long restartedAt = System.nanoTime();
    say(
        "PostgreSQL back after %s s; diff-service readiness during the outage (status: times seen)"
            + " %s; the probe's run: %s",
        seconds(stoppedAt), readinessSeen, probe.get(run));
    verify(run, probe.awaitEnd(run, RUN_TIMEOUT), restartedAt);
    assertThat(readinessSeen.keySet())
        .as("the diff service's readiness while its database was down (DOWN is 503)")
        .contains(503);
  }

  @Test
  @Order(5)
  @DisplayName("Kafka broker killed (-9) mid-sweep and started again")
  void brokerKilled() {
    long broker = stack.pid("KAFKA_PID");
    UUID run = probe.start("sweep", ENDPOINTS);
    awaitStored(run, expectedRequests / 4);
    stack.kill9(broker);
    long storedBefore = capturesOf(run);
    say(
        "killed the broker (pid %d) with %d captures stored; %s",
        broker, storedBefore, probe.get(run));
    assertLandedMidSweep(storedBefore, expectedRequests);
    long t0 = System.nanoTime();
    stack.restart();
    say("broker started again; stack ready after %s s", seconds(t0));
    verify(run, probe.awaitEnd(run, RUN_TIMEOUT), System.nanoTime());
  }

  @Test
  @Order(6)
  @DisplayName("diff-service killed (-9) twice in one sweep")
  void diffServiceKilledTwice() {
    long requests = requestsOf(LONG_SWEEP);
    UUID run = probe.start("sweep", LONG_SWEEP);
    long restartedAt = 0;
    for (long share : new long[] {5, 2}) {
      long pid = stack.pid("DIFF_PID");
      awaitStored(run, requests / share);
      stack.kill9(pid);
      long storedBefore = capturesOf(run);
      say(
          "killed the diff service (pid %d) with %d captures stored; %s",
          pid, storedBefore, probe.get(run));
      assertLandedMidSweep(storedBefore, requests);
      long t0 = System.nanoTime();
      stack.restart();
      restartedAt = System.nanoTime();
      say("diff service started again, ready after %s s", seconds(t0));
    }
    verify(LONG_SWEEP, run, probe.awaitEnd(run, RUN_TIMEOUT), restartedAt);
  }

  @Test
  @Order(7)
  @DisplayName("probe-service killed (-9) mid-run: the run ends aborted, a new sweep completes")
  void probeServiceKilled() {
    long pid = stack.pid("PROBE_PID");
    UUID killed = probe.start("sweep", ENDPOINTS);
    awaitRequests(killed, expectedRequests / 4);
    stack.kill9(pid);
    say(
        "killed the probe (pid %d) with %d captures of run %s stored",
        pid, capturesOf(killed), killed);
    long t0 = System.nanoTime();
    stack.restart();
    connect();
    long restartedAt = System.nanoTime();
    say("probe started again, ready after %s s", seconds(t0));

    int known = probe.statusCode(killed);
    String status = known == 200 ? probe.get(killed).status() : "(HTTP " + known + ")";
    say("after the restart, GET /api/runs/%s: %s", killed, status);
    await("the killed run in a final state (aborted) on the restarted probe")
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> probe.statusCode(killed) == 200 && !probe.get(killed).running());
    assertThat(probe.get(killed).status()).isEqualTo("aborted");
    // the next sweep goes while the diff service waits for the aborted run to be quiet
    UUID next = probe.start("sweep", ENDPOINTS);
    await("the diff service's closing of the aborted run")
        .atMost(RECOVERY_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> store.finalized(killed));
    assertThat(store.evaluation(killed)).as("the diff service's verdict").isEqualTo("aborted");
    long stored = capturesOf(killed);
    long distinct = store.distinctUrlsOf(killed);
    say(
        "aborted run %s: %d captures stored, %d distinct URLs (duplicated %d)",
        killed, stored, distinct, stored - distinct);
    assertThat(stored).as("captures of the aborted run stored twice").isEqualTo(distinct);

    verify(next, probe.awaitEnd(next, RUN_TIMEOUT), restartedAt);
  }

  @Test
  @Order(8)
  @DisplayName("the double's data switched back and forth during runs by id and by name")
  void dataSwitchedBackAndForth() throws IOException {
    drifted = DriftedCopy.create(data, Files.createTempDirectory("pokeobs-e2e-faults-drift-"));
    Map<TopicPartition, Long> driftFrom = kafka.endOffsets(KafkaTopics.DRIFT_EVENTS);
    Map<String, Set<String>> allowed = allowedDrift();
    List<UUID> runs = new ArrayList<>();
    // First, the exact sequence of issue 9 item 1: pokemon 25 is fetched by id under the changed
    // data while pikachu was last fetched under the original one; back on the original data, one
    // run then gets 25 as a 200 with the old body again and pikachu as a 304, in one batch.
    List<String> both = List.of("pokemon/25", "pokemon/pikachu");
    List<String> byId = List.of("pokemon/25");
    for (Map.Entry<Path, List<String>> step :
        List.of(
            Map.entry(data.root(), both),
            Map.entry(drifted.root(), byId),
            Map.entry(data.root(), both),
            Map.entry(drifted.root(), both),
            Map.entry(data.root(), byId),
            Map.entry(drifted.root(), both))) {
      pokeApi.reload(step.getKey());
      UUID run = probe.start("sweep", List.of(), step.getValue());
      runs.add(run);
      say(
          "%s on the %s data: %s",
          step.getValue(),
          step.getKey().equals(data.root()) ? "original" : "changed",
          probe.awaitEnd(run, RUN_TIMEOUT));
    }
    // smoke runs fetch pokemon 25, type 10 and ability 65 by id and by name (pikachu, fire,
    // overgrow): the copy changes all three. The data flips while each run is going, so that one
    // run sees both versions and a 200 of the old body meets a 304 in one batch.
    for (int i = 0; i < 8; i++) {
      UUID run = probe.start("smoke");
      runs.add(run);
      pokeApi.reload(i % 2 == 0 ? drifted.root() : data.root());
      ProbeApi.Run ended = probe.awaitEnd(run, RUN_TIMEOUT);
      say("run %d (data now %s): %s", i, i % 2 == 0 ? "changed" : "original", ended);
    }
    assertThat(pokeApi.reload(data.root())).isNotEqualTo(DriftedCopy.RELEASE_HASH);
    UUID last = probe.start("smoke");
    runs.add(last);
    ProbeApi.Run lastRun = probe.awaitEnd(last, RUN_TIMEOUT);
    say("final run on the original data: %s", lastRun);

    long recoveredFrom = System.nanoTime();
    awaitQuiet(runs);
    String recovered = seconds(recoveredFrom);
    // a check that failed is re-run (its URL fetched again), so a run may capture a URL more than
    // once: here every request is one capture, stored once (a replay stores no second row)
    long lost = 0;
    long duplicated = 0;
    List<String> notComplete = new ArrayList<>();
    for (UUID run : runs) {
      long requests = probe.get(run).requests();
      long stored = capturesOf(run);
      lost += Math.max(0, requests - stored);
      duplicated += Math.max(0, stored - requests);
      String evaluation = store.evaluation(run);
      if (!"complete".equals(evaluation)) {
        notComplete.add(run + " " + evaluation);
      }
    }
    List<DriftEvent> published =
        kafka
            .read(KafkaTopics.DRIFT_EVENTS, driftFrom, kafka.endOffsets(KafkaTopics.DRIFT_EVENTS))
            .stream()
            .map(DriftEvent::of)
            .toList();
    List<DriftEvent> unexpected = published.stream().filter(e -> !isAllowed(e, allowed)).toList();
    Map<String, String> heads = new TreeMap<>();
    for (String resource : SMOKE_RESOURCES) {
      String[] parts = resource.split("/");
      heads.put(resource, store.headSha256(parts[0]).get(parts[1]));
    }
    Map<String, String> served = new TreeMap<>();
    for (String resource : SMOKE_RESOURCES) {
      String[] parts = resource.split("/");
      served.put(resource, sha256Of(parts[0], parts[1]));
    }
    say(
        "RESULT %s: %d runs; lost %d, duplicated %d; %d drift events published (%d outside the"
            + " changes the copy makes: %s); heads equal to the served bodies: %s; lag %s;"
            + " dead letters %d; runs not evaluated complete %s; recovered (evaluated, lag 0,"
            + " ready) %s s after the last run",
        scenario,
        runs.size(),
        lost,
        duplicated,
        published.size(),
        unexpected.size(),
        unexpected,
        heads.equals(served),
        kafka.groupLag(KafkaTopics.DIFF_GROUP),
        store.deadLetters(),
        notComplete,
        recovered);
    timings.put(scenario, seconds(scenarioStart));
    assertThat(lost).as("captures lost").isZero();
    assertThat(duplicated).as("captures stored twice").isZero();
    assertThat(notComplete).as("runs the diff service did not evaluate as complete").isEmpty();
    assertThat(unexpected).as("drift events that are not the copy's changes").isEmpty();
    assertThat(heads).as("stored current bodies vs the served ones").isEqualTo(served);
    assertThat(lastRun.failed()).as("failed checks of the final run").isZero();
    assertThat(store.deadLetters()).as("dead letters").isZero();
    assertThat(health.allReady()).as("every component ready: %s", health.readiness()).isTrue();
  }

  // --- the checks after each scenario -----------------------------------------------------------

  /**
   * Waits for the diff service to catch up with the run, prints what was lost, duplicated and
   * recovered, and asserts the invariants.
   */
  private void verify(UUID run, ProbeApi.Run ended, long faultOverAt) {
    verify(ENDPOINTS, run, ended, faultOverAt);
  }

  private void verify(List<String> endpoints, UUID run, ProbeApi.Run ended, long faultOverAt) {
    say("%s", ended);
    long runEndedAt = System.nanoTime();
    awaitQuiet(List.of(run));
    String recovered = seconds(faultOverAt) + " s after the fault ended, " + seconds(runEndedAt);
    long stored = capturesOf(run);
    long distinct = store.distinctUrlsOf(run);
    long lost = ended.requests() - distinct;
    long duplicated = stored - distinct;
    Map<String, DiffStore.ScopeCount> scopes = store.snapshotsByScope();
    long headMismatches = 0;
    for (String endpoint : endpoints) {
      Map<String, String> heads = store.headSha256(endpoint);
      headMismatches +=
          servedSha256.get(endpoint).entrySet().stream()
              .filter(e -> !e.getValue().equals(heads.get(e.getKey())))
              .count();
    }
    String evaluation = store.evaluation(run);
    long deadLetters = store.deadLetters();
    long schemaChanges = store.count("SELECT count(*) FROM schema_changes");
    long dataChanges = store.count("SELECT count(*) FROM data_changes");
    say(
        "RESULT %s: %d requests, %d captures stored, %d distinct: lost %d, duplicated %d;"
            + " heads unlike the served body %d; drift stored: %d schema, %d data; run evaluated"
            + " %s; lag %s; dead letters %d (metric %s); recovered (evaluated, lag 0, ready) %s s after the run ended;"
            + " scenario took %s s",
        scenario,
        ended.requests(),
        stored,
        distinct,
        lost,
        duplicated,
        headMismatches,
        schemaChanges,
        dataChanges,
        evaluation,
        kafka.groupLag(KafkaTopics.DIFF_GROUP),
        deadLetters,
        deadLetters(),
        recovered,
        seconds(scenarioStart));
    timings.put(scenario, seconds(scenarioStart));

    assertThat(ended.status()).as("status of %s", ended).isEqualTo("completed");
    assertThat(ended.failed()).as("failed checks of %s", ended).isZero();
    assertThat(ended.requests()).as("requests of the sweep").isEqualTo(requestsOf(endpoints));
    assertThat(lost).as("captures lost").isZero();
    assertThat(duplicated).as("captures stored twice").isZero();
    for (String endpoint : endpoints) {
      long expected = resources.get(endpoint).size();
      assertThat(scopes.get(endpoint))
          .as("snapshot rows and distinct resources of %s", endpoint)
          .isEqualTo(new DiffStore.ScopeCount(expected, expected));
    }
    assertThat(headMismatches).as("stored current bodies unlike the served ones").isZero();
    assertThat(schemaChanges).as("schema changes stored").isZero();
    assertThat(dataChanges).as("data changes stored").isZero();
    assertThat(diff.driftEvents()).as("GET /api/v1/drift-events").isEmpty();
    assertThat(deadLetters).as("dead letters").isZero();
    assertThat(deadLetters()).as(DEAD_LETTERS_METRIC).isIn(-1.0, 0.0);
    assertThat(evaluation).as("how the diff service evaluated the run").isEqualTo("complete");
  }

  /**
   * Waits until the diff service has evaluated the runs, published its outbox, committed every
   * offset and every component is ready.
   */
  private void awaitQuiet(List<UUID> runs) {
    for (UUID run : runs) {
      await("the diff service's evaluation of run " + run)
          .atMost(RECOVERY_TIMEOUT)
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(() -> store.finalized(run));
    }
    await("an empty outbox")
        .atMost(RECOVERY_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(store::outboxBacklog, backlog -> backlog == 0);
    await("the diff service's consumer lag at 0 on every topic")
        .atMost(RECOVERY_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> kafka.groupLag(KafkaTopics.DIFF_GROUP),
            lag -> !lag.isEmpty() && lag.values().stream().allMatch(l -> l == 0));
    await("every component ready")
        .atMost(RECOVERY_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(health::allReady);
  }

  /**
   * A fault after the last capture was stored would prove nothing: the sweeps are rate-capped so
   * that this never happens, and a scenario says so if it did.
   */
  private void assertLandedMidSweep(long storedBefore, long requests) {
    assertThat(storedBefore)
        .as("captures of the run stored when the fault landed (it must land mid-sweep)")
        .isLessThan(requests);
  }

  /** The requests of a sweep of {@code endpoints}: one per resource and one per list page. */
  private long requestsOf(List<String> endpoints) {
    return endpoints.stream()
        .mapToLong(e -> resources.get(e).size() + (resources.get(e).size() + 999) / 1000)
        .sum();
  }

  private void awaitStored(UUID run, long captures) {
    await("at least " + captures + " captures of run " + run + " stored")
        .atMost(RUN_TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(() -> capturesOf(run), stored -> stored >= captures);
  }

  private void awaitRequests(UUID run, long requests) {
    await("at least " + requests + " requests of run " + run)
        .atMost(RUN_TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> probe.get(run), r -> r.requests() >= requests || !r.running());
  }

  private long capturesOf(UUID run) {
    try {
      return store.capturesOf(run);
    } catch (IllegalStateException e) {
      return -1;
    }
  }

  private double deadLetters() {
    return health.diffMetric(DEAD_LETTERS_METRIC);
  }

  // --- the data switch --------------------------------------------------------------------------

  /**
   * The paths the copy changes, by {@code kind endpoint[/key]}: drift in either direction on these
   * is real; any other is false. A data change is keyed by the key its answer was requested under,
   * so a resource's name (pokemon/pikachu) stands for its id (pokemon/25) too.
   */
  private Map<String, Set<String>> allowedDrift() {
    Map<String, Set<String>> allowed = new TreeMap<>();
    for (DriftEvent event : drifted.expectedEvents()) {
      List<String> keys = new ArrayList<>();
      if (event.resourceKey() == null) {
        keys.add(event.kind() + " " + event.endpoint());
      } else {
        keys.add(event.kind() + " " + event.endpoint() + "/" + event.resourceKey());
        String name = data.read(event.endpoint(), event.resourceKey()).path("name").asText("");
        if (!name.isEmpty()) {
          keys.add(event.kind() + " " + event.endpoint() + "/" + name);
        }
      }
      for (String key : keys) {
        for (String change : event.changes()) {
          allowed
              .computeIfAbsent(key, k -> new TreeSet<>())
              .add(change.substring(change.indexOf(' ') + 1));
        }
      }
    }
    return allowed;
  }

  private static boolean isAllowed(DriftEvent event, Map<String, Set<String>> allowed) {
    String key =
        event.kind()
            + " "
            + event.endpoint()
            + (event.resourceKey() == null ? "" : "/" + event.resourceKey());
    Set<String> paths = allowed.get(key);
    return paths != null
        && event.changes().stream().allMatch(c -> paths.contains(c.substring(c.indexOf(' ') + 1)));
  }

  private String sha256Of(String endpoint, String id) {
    try {
      return pokeApi.sha256OfResources(endpoint, new TreeSet<>(List.of(id))).get(id);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // --- helpers ----------------------------------------------------------------------------------

  private void connect() {
    Map<String, String> env = stack.env();
    if (kafka == null) {
      kafka = new KafkaTopics(env.get("KAFKA_BOOTSTRAP_SERVERS"));
    }
    probe = new ProbeApi(env.get("PROBE_URL"));
    diff = new DiffApi(env.get("DIFF_URL"));
    pokeApi = new DoubleClient(env.get("DOUBLE_URL"));
    health = new ServiceHealth(env);
    store =
        new DiffStore(
            env.get("PG_HOST"),
            env.get("PG_PORT"),
            stack.database(),
            env.get("PG_USER"),
            Optional.ofNullable(System.getenv("POKEOBS_PG_PASSWORD")).orElse(""));
  }

  private synchronized void downQuietly() {
    try {
      if (kafka != null) {
        kafka.close();
        kafka = null;
      }
      stack.down();
      try {
        stack.postgres("stop", "--mode", "immediate");
      } catch (IllegalStateException e) {
        say("the throwaway PostgreSQL cluster: %s", e.getMessage());
      }
      deleteRecursively(E2eSettings.stackDir().resolveSibling("e2e-faults-stack/kafka/data"));
      if (clusterDir != null) {
        deleteRecursively(clusterDir);
      }
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

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String seconds(long since) {
    return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - since) / 1e9);
  }

  private void say(String format, Object... args) {
    System.out.printf(
        Locale.ROOT,
        "[faults %7s s] %s%n",
        seconds(startedAt),
        String.format(Locale.ROOT, format, args));
  }
}
