package io.pokeapi.observability.diff.baseline;

import static io.pokeapi.observability.diff.support.Fixtures.pokemon;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.LatencyRegressionDetected;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStarted;
import io.pokeapi.observability.common.contract.RunStatus;
import io.pokeapi.observability.common.contract.RunTotals;
import io.pokeapi.observability.common.contract.RunTrigger;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.common.testsupport.PostgresDatabaseResource;
import io.pokeapi.observability.diff.storage.PerformanceBaseline;
import io.pokeapi.observability.diff.support.Captures;
import io.pokeapi.observability.diff.support.Db;
import io.pokeapi.observability.diff.support.DiffTopicsResource;
import io.pokeapi.observability.diff.support.Fixtures;
import io.pokeapi.observability.diff.support.Runs;
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
import org.junit.jupiter.api.Test;

/**
 * Performance baselines from the probe latencies (p50, p95, p99 and sample size per endpoint), and
 * a run more than 20% slower than the baseline raising a regression, its metric and its event on
 * {@code pokeapi.latency-regressions}.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
@WithTestResource(DiffTopicsResource.class)
class BaselineAndRegressionTest {

  @Inject Pool pool;
  @Inject BaselineCalculator calculator;

  @Test
  void aRunMoreThanTwentyPercentAboveTheBaselineIsARegression() {
    String endpoint = Fixtures.uniqueEndpoint("pokemon");
    Runs runs = new Runs(new Db(pool));
    Instant t0 = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);

    UUID history = UUID.randomUUID();
    runs.play(history, "smoke", endpoint, captures(history, endpoint, t0, 1, 100, 100));
    PerformanceBaseline baseline = baselineOf(endpoint);
    assertThat(baseline.sampleSize()).isEqualTo(100);
    assertThat(baseline.p50Ms()).isBetween(50.0, 51.0);
    assertThat(baseline.p95Ms()).isBetween(95.0, 96.0);
    assertThat(baseline.p99Ms()).isBetween(99.0, 100.0);
    given()
        .queryParam("endpoint", endpoint)
        .get("/api/v1/baselines")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].sampleSize", equalTo(100));

    UUID steady = UUID.randomUUID();
    runs.play(
        steady, "smoke", endpoint, captures(steady, endpoint, t0.plusSeconds(600), 1, 100, 100));
    UUID slow = UUID.randomUUID();
    runs.play(slow, "smoke", endpoint, captures(slow, endpoint, t0.plusSeconds(1200), 1, 100, 130));

    given()
        .queryParam("endpoint", endpoint)
        .get("/api/v1/latency-evaluations")
        .then()
        .statusCode(200)
        // the history run is evaluated too when the scheduled recompute (10 s after start) landed
        // between its captures and its end: a third item, older, never regressed
        .body("items.size()", greaterThanOrEqualTo(2))
        .body("items[0].runId", equalTo(slow.toString()))
        .body("items[0].regressed", equalTo(true))
        .body("items[0].percentile", equalTo("P95"))
        .body("items[1].runId", equalTo(steady.toString()))
        .body("items[1].regressed", equalTo(false));
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .containsPattern(
            "pokeapi_latency_regression\\{[^}]*endpoint=\"" + endpoint + "\"[^}]*} 1\\.0")
        .containsPattern(
            "pokeapi_latency_regressions_total\\{[^}]*endpoint=\"" + endpoint + "\"[^}]*} 1\\.0");

    // the baseline the slow run was compared with: the test's, or an equal one the scheduled
    // recompute stored after it (same samples, a later window)
    Row compared =
        new Db(pool)
            .rows(
                "SELECT b.p95_ms, b.sample_size, b.window_start, b.window_end, e.run_value_ms"
                    + " FROM latency_evaluations e JOIN performance_baselines b"
                    + " ON b.id = e.baseline_id WHERE e.run_id = $1",
                slow)
            .get(0);
    List<LatencyRegressionDetected> events =
        TestKafka.latencyRegressions(e -> e.endpoint().equals(endpoint), 1, Duration.ofSeconds(60));
    assertThat(events).as("one event, for the slow run only").hasSize(1);
    LatencyRegressionDetected event = events.get(0);
    assertThat(event.schemaVersion()).isEqualTo(LatencyRegressionDetected.SCHEMA_VERSION);
    assertThat(event.messageKey()).isEqualTo(endpoint);
    assertThat(event.runId()).isEqualTo(slow);
    assertThat(event.suite()).isEqualTo("smoke");
    assertThat(event.percentile()).isEqualTo("p95");
    // the test's baseline (100 samples of the history run, p95 95 ms), or one the scheduled
    // recompute stored after it with the evaluated steady run in (1 to 100 ms as well: 200
    // samples, p95 95 ms); never the slow run's own samples, which are left out until it is
    // evaluated (aRunNotYetEvaluatedIsLeftOutOfTheBaseline)
    assertThat(event.baselineMs()).isEqualTo(compared.getDouble("p95_ms")).isBetween(95.0, 96.0);
    assertThat(event.baselineSamples()).isEqualTo(compared.getLong("sample_size")).isIn(100L, 200L);
    assertThat(event.observedMs())
        .isEqualTo(compared.getDouble("run_value_ms"))
        .isBetween(120.0, 131.0);
    assertThat(event.observedSamples()).isEqualTo(100);
    assertThat(event.ratio())
        .isCloseTo(event.observedMs() / event.baselineMs(), within(1e-9))
        .isGreaterThan(1.2);
    assertThat(event.threshold()).isEqualTo(0.20);
    assertThat(event.baselineWindowStart())
        .isEqualTo(compared.getOffsetDateTime("window_start").toInstant());
    assertThat(event.baselineWindowEnd())
        .isEqualTo(compared.getOffsetDateTime("window_end").toInstant());
    assertThat(Duration.between(event.baselineWindowStart(), event.baselineWindowEnd()))
        .isEqualTo(Duration.ofDays(7));
    assertThat(event.detectedAt()).isAfter(event.baselineWindowEnd());
  }

  @Test
  void aRunNotYetEvaluatedIsLeftOutOfTheBaseline() {
    String endpoint = Fixtures.uniqueEndpoint("pokemon");
    Db db = new Db(pool);
    Runs runs = new Runs(db);
    Instant t0 = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
    UUID history = UUID.randomUUID();
    runs.play(history, "smoke", endpoint, captures(history, endpoint, t0, 1, 100, 100));

    // a slow run whose captures are stored but whose end has not arrived yet
    UUID going = UUID.randomUUID();
    List<ApiResponseCaptured> slow = captures(going, endpoint, t0.plusSeconds(600), 1, 100, 300);
    RunStarted started =
        RunStarted.of(going, "smoke", RunTrigger.API, List.of(endpoint), t0.plusSeconds(599));
    TestKafka.publishRunEvents(started);
    TestKafka.publish(slow);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> db.count("SELECT count(*) FROM latency_samples WHERE run_id = $1", going) == 100);

    PerformanceBaseline whileGoing = baselineOf(endpoint);
    assertThat(whileGoing.sampleSize()).as("the history run only").isEqualTo(100);
    assertThat(whileGoing.p95Ms()).isBetween(95.0, 96.0);

    // once evaluated (against the history run's baseline: a regression), it counts like any other
    TestKafka.publishRunEvents(
        RunFinished.of(
            started, t0.plusSeconds(601), new RunTotals(100, 100, 0, 0), RunStatus.COMPLETED));
    runs.awaitEvaluated(going);
    Row evaluation =
        db.rows(
                "SELECT regressed, baseline_value_ms FROM latency_evaluations WHERE run_id = $1",
                going)
            .get(0);
    assertThat(evaluation.getBoolean("regressed")).isTrue();
    assertThat(evaluation.getDouble("baseline_value_ms")).isBetween(95.0, 96.0);
    assertThat(baselineOf(endpoint).sampleSize()).as("both runs").isEqualTo(200);
  }

  /** Recomputes the baselines now and returns the one of {@code endpoint}. */
  private PerformanceBaseline baselineOf(String endpoint) {
    List<PerformanceBaseline> baselines =
        calculator.recompute().await().atMost(Duration.ofSeconds(30));
    return baselines.stream()
        .filter(b -> b.endpoint().equals(endpoint))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no baseline for "
                        + endpoint
                        + " in "
                        + baselines
                        + "; samples: "
                        + new Db(pool)
                                .rows(
                                    "SELECT schema_scope, status, latency_us, captured_at, now()"
                                        + " AS db_now FROM latency_samples WHERE endpoint = $1"
                                        + " LIMIT 3",
                                    endpoint)
                                .stream()
                                .map(r -> r.toJson().toString())
                                .toList()));
  }

  /** {@code count} captures of distinct resources with latencies spread evenly up to a maximum. */
  private static List<ApiResponseCaptured> captures(
      UUID run, String endpoint, Instant start, int firstId, int count, int maxLatencyMs) {
    List<ApiResponseCaptured> captures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int id = firstId + i;
      captures.add(
          Captures.ok(
              run,
              "smoke",
              endpoint,
              Integer.toString(id),
              pokemon(id, "mon-" + id, id),
              "rel-a",
              start.plusMillis(i),
              Duration.ofMillis((long) maxLatencyMs * (i + 1) / count)));
    }
    return captures;
  }
}
