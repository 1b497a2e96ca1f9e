package io.pokeapi.observability.diff.drift;

import static io.pokeapi.observability.diff.support.Fixtures.pokemon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStarted;
import io.pokeapi.observability.common.contract.RunStatus;
import io.pokeapi.observability.common.contract.RunTotals;
import io.pokeapi.observability.common.contract.RunTrigger;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.common.testsupport.PostgresDatabaseResource;
import io.pokeapi.observability.diff.ingest.ResponseIngestor;
import io.pokeapi.observability.diff.support.Captures;
import io.pokeapi.observability.diff.support.Db;
import io.pokeapi.observability.diff.support.DiffTopicsResource;
import io.pokeapi.observability.diff.support.Fixtures;
import io.pokeapi.observability.diff.support.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 7: a run is evaluated only when every capture its probe announced is stored; one
 * whose captures never all arrive is closed as incomplete without schema conclusions; a first sweep
 * below the coverage threshold sets no baseline; an aborted run is closed without a baseline.
 * (Tests shorten the settle time to 3 s and the bound for missing captures to 12 s.)
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
@WithTestResource(DiffTopicsResource.class)
class RunEvaluationTest {

  private static final int RESOURCES = 10;

  @Inject Pool pool;
  @Inject ResponseIngestor ingestor;

  private Db db;
  private String endpoint;
  private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @BeforeEach
  void setUp() {
    db = new Db(pool);
    endpoint = Fixtures.uniqueEndpoint("pokemon");
  }

  @Test
  void aSweepIsEvaluatedOnlyOnceEveryAnnouncedCaptureIsStored() throws InterruptedException {
    UUID run = UUID.randomUUID();
    List<ApiResponseCaptured> captures = sweep(run, 0);
    RunStarted started = started(run, "sweep");
    TestKafka.publishRunEvents(started);
    ingest(captures.subList(0, 4));
    TestKafka.publishRunEvents(finished(started, RunStatus.COMPLETED, RESOURCES, (long) RESOURCES));
    awaitFinishSeen(run);

    // quiet for longer than the settle time: the settle rule would have evaluated it by now
    Thread.sleep(4_500);
    assertThat(evaluation(run)).as("not evaluated with 4 of 10 captures").isNull();

    ingest(captures.subList(4, RESOURCES));
    awaitEvaluated(run);
    assertThat(evaluation(run)).isEqualTo("complete");
    assertThat(schemaVersions()).as("the complete first sweep sets the baseline").isEqualTo(1);
  }

  @Test
  void aRunWhoseCapturesNeverAllArriveIsClosedAsIncompleteWithoutBaseline() {
    UUID run = UUID.randomUUID();
    RunStarted started = started(run, "sweep");
    TestKafka.publishRunEvents(started);
    ingest(sweep(run, 0).subList(0, 6));
    TestKafka.publishRunEvents(finished(started, RunStatus.COMPLETED, RESOURCES, (long) RESOURCES));

    awaitEvaluated(run);
    assertThat(evaluation(run)).isEqualTo("incomplete");
    assertThat(detail(run)).contains("6 of the 10 captures");
    assertThat(schemaVersions()).as("no baseline from partial data").isZero();
  }

  @Test
  void aFirstSweepBelowTheCoverageThresholdSetsNoBaseline() {
    UUID run = UUID.randomUUID();
    RunStarted started = started(run, "sweep");
    List<ApiResponseCaptured> captures = new ArrayList<>(sweep(run, 0).subList(0, 7));
    for (int id = 8; id <= RESOURCES; id++) {
      captures.add(
          new ApiResponseCaptured(
              ApiResponseCaptured.SCHEMA_VERSION,
              run,
              "sweep",
              endpoint,
              Integer.toString(id),
              null,
              "GET",
              503,
              Captures.headers(null),
              Duration.ofMillis(5),
              null,
              null,
              t0.plusMillis(id)));
    }
    TestKafka.publishRunEvents(started);
    ingest(captures);
    // an older probe: no capture count, the settle rule applies
    TestKafka.publishRunEvents(finished(started, RunStatus.COMPLETED, RESOURCES, null));

    awaitEvaluated(run);
    assertThat(evaluation(run)).isEqualTo("complete");
    assertThat(schemaVersions()).as("7 of 10 resources is below the coverage threshold").isZero();
  }

  @Test
  void anAbortedRunIsClosedWithoutSettingABaseline() {
    UUID run = UUID.randomUUID();
    RunStarted started = started(run, "sweep");
    TestKafka.publishRunEvents(started);
    ingest(sweep(run, 0));
    TestKafka.publishRunEvents(finished(started, RunStatus.ABORTED, RESOURCES, (long) RESOURCES));

    awaitEvaluated(run);
    assertThat(evaluation(run)).isEqualTo("aborted");
    assertThat(schemaVersions()).isZero();
  }

  @Test
  void aSmokeWithRetriedFailuresIsEvaluatedOnceItsCapturesAreStored() {
    // as the probe publishes a smoke whose endpoint answered 503: every retry of the same URL is a
    // capture of its own (a distinct time), beside 304s of resources this store never saw
    UUID run = UUID.randomUUID();
    RunStarted started = started(run, "smoke");
    List<ApiResponseCaptured> captures = new ArrayList<>();
    captures.add(Captures.notModified(run, "smoke", endpoint, "25", "rel-a", t0.plusMillis(1)));
    captures.add(
        Captures.notModified(run, "smoke", endpoint, "pikachu", "rel-a", t0.plusMillis(2)));
    for (int attempt = 0; attempt < 5; attempt++) {
      captures.add(
          ApiResponseCaptured.of(
              run,
              "smoke",
              endpoint,
              "10",
              "https://pokeapi.test/api/v2/" + endpoint + "/10/",
              "GET",
              503,
              Captures.headers(null),
              Duration.ofMillis(5),
              null,
              t0.plusMillis(100 + 300L * attempt)));
    }
    TestKafka.publishRunEvents(started);
    TestKafka.publish(captures);
    TestKafka.publishRunEvents(
        finished(started, RunStatus.COMPLETED, captures.size(), (long) captures.size()));

    awaitEvaluated(run);
    assertThat(evaluation(run)).isEqualTo("complete");
  }

  private List<ApiResponseCaptured> sweep(UUID run, int offsetSeconds) {
    List<ApiResponseCaptured> captures = new ArrayList<>();
    for (int id = 1; id <= RESOURCES; id++) {
      captures.add(
          Captures.ok(
              run,
              "sweep",
              endpoint,
              Integer.toString(id),
              pokemon(id, "mon-" + id, 10 * id),
              "rel-a",
              t0.plusSeconds(offsetSeconds).plusMillis(id)));
    }
    return captures;
  }

  private RunStarted started(UUID run, String suite) {
    return RunStarted.of(run, suite, RunTrigger.API, List.of(endpoint), t0.minusSeconds(1));
  }

  private RunFinished finished(
      RunStarted started, RunStatus status, int requests, Long capturesPublished) {
    return RunFinished.of(
        started,
        t0.plusSeconds(30),
        new RunTotals(requests, requests, 0, 0),
        status,
        capturesPublished);
  }

  private void ingest(List<ApiResponseCaptured> captures) {
    ingestor.ingest(captures).await().atMost(Duration.ofSeconds(60));
  }

  private void awaitFinishSeen(UUID run) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                db.count(
                        "SELECT count(*) FROM probe_runs WHERE run_id = $1"
                            + " AND finish_seen_at IS NOT NULL",
                        run)
                    == 1);
  }

  private void awaitEvaluated(UUID run) {
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                db.count(
                        "SELECT count(*) FROM probe_runs WHERE run_id = $1"
                            + " AND finalized_at IS NOT NULL",
                        run)
                    == 1);
  }

  private String evaluation(UUID run) {
    List<Row> rows = db.rows("SELECT evaluation FROM probe_runs WHERE run_id = $1", run);
    return rows.isEmpty() ? null : rows.get(0).getString(0);
  }

  private String detail(UUID run) {
    return db.rows("SELECT evaluation_detail FROM probe_runs WHERE run_id = $1", run)
        .get(0)
        .getString(0);
  }

  private long schemaVersions() {
    return db.count("SELECT count(*) FROM schema_versions WHERE schema_scope = $1", endpoint);
  }
}
