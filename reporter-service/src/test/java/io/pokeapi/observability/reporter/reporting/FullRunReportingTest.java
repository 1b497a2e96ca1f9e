package io.pokeapi.observability.reporter.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.pokeapi.observability.common.contract.AssertionDetail;
import io.pokeapi.observability.common.contract.Attachment;
import io.pokeapi.observability.common.contract.Change;
import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.DriftDetected;
import io.pokeapi.observability.common.contract.DriftKind;
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.common.contract.LatencyPercentiles;
import io.pokeapi.observability.common.contract.LatencyRegressionDetected;
import io.pokeapi.observability.common.contract.LoadRunSummary;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStarted;
import io.pokeapi.observability.common.contract.RunStatus;
import io.pokeapi.observability.common.contract.RunTotals;
import io.pokeapi.observability.common.contract.RunTrigger;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.common.testsupport.PostgresDatabaseResource;
import io.pokeapi.observability.reporter.support.Events;
import io.pokeapi.observability.reporter.support.Metrics;
import io.pokeapi.observability.reporter.support.RpDouble;
import io.pokeapi.observability.reporter.support.RpDoubleResource;
import io.pokeapi.observability.reporter.support.TopicsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A whole probe run, its drift, a latency regression and a load run, published on the real topics,
 * arrive in the strict ReportPortal double as specified: one launch per run with its name,
 * description and attributes; a suite per endpoint; an item per check with the check's own times
 * and status; failure logs with reason, assertions and request summary; evidence and JSON Patch as
 * file attachments; schema changes as warnings and a schema-change tag; defect types from the
 * evidence; flakiness counted across runs.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(TopicsResource.class)
@WithTestResource(PostgresDatabaseResource.class)
@WithTestResource(RpDoubleResource.class)
public class FullRunReportingTest {

  private static final Duration WAIT = Duration.ofSeconds(90);

  @Test
  void aProbeRunArrivesAsOneLaunchWithEveryCheckLogAttachmentAndDefectType() {
    UUID run = UUID.randomUUID();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    RunStarted started =
        RunStarted.of(run, "regression", RunTrigger.API, List.of("pokemon", "type", "ability"), t0);
    List<CheckResult> checks = new ArrayList<>();
    checks.add(passed(run, "pokemon.by-id", "pokemon", t0.plusMillis(10), 40));
    checks.add(
        failed(
            run,
            "pokemon.schema",
            "pokemon",
            FailureType.SCHEMA_VALIDATION,
            "body breaks the published schema",
            t0.plusMillis(20),
            60,
            List.of(new AssertionDetail("/weight", "integer", "\"heavy\"", "type mismatch")),
            List.of(
                new Attachment("response.json", "application/json", "{\"weight\":\"heavy\"}"))));
    checks.add(
        failed(
            run,
            "type.by-id",
            "type",
            FailureType.HTTP_5XX,
            "HTTP 503 from the edge",
            t0.plusMillis(30),
            25,
            List.of(),
            List.of()));
    checks.add(
        failed(
            run,
            "type.by-name",
            "type",
            FailureType.TIMEOUT,
            "no answer within 10 s",
            t0.plusMillis(35),
            10_000,
            List.of(),
            List.of()));
    checks.add(
        failed(
            run,
            "ability.by-id",
            "ability",
            FailureType.PUBLISH_FAILED,
            "the broker did not acknowledge the capture",
            t0.plusMillis(40),
            15,
            List.of(),
            List.of()));
    checks.add(
        failed(
            run,
            "ability.by-name",
            "ability",
            FailureType.ASSERTION,
            "name differs",
            t0.plusMillis(45),
            15,
            List.of(new AssertionDetail("/name", "stench", "STENCH", "case differs")),
            List.of()));
    checks.add(
        failed(
            run,
            "ability.circuit",
            "ability",
            FailureType.CIRCUIT_OPEN,
            "circuit open",
            t0.plusMillis(50),
            1,
            List.of(),
            List.of()));
    Instant end = t0.plusSeconds(11);
    try (Events events = new Events()) {
      events.run(started);
      checks.forEach(events::check);
      events.drift(
          new DriftDetected(
              1,
              DriftKind.SCHEMA,
              "pokemon",
              null,
              run,
              List.of(
                  new Change("type_changed", "/weight", null, null, true),
                  new Change("field_added", "/e2e_marker", null, null, false)),
              "rel-2",
              null,
              t0.plusSeconds(2),
              false));
      events.drift(
          new DriftDetected(
              1,
              DriftKind.DATA,
              "pokemon",
              "25",
              run,
              List.of(
                  new Change("replace", "/weight", new IntNode(60), new IntNode(61), false),
                  new Change(
                      "replace",
                      "/base_experience",
                      new IntNode(112),
                      NullNode.getInstance(),
                      true)),
              "rel-2",
              null,
              t0.plusSeconds(2),
              false));
      events.latency(
          new LatencyRegressionDetected(
              1,
              run,
              "regression",
              "type",
              "p95",
              100,
              50,
              180,
              20,
              1.8,
              0.2,
              t0.minusSeconds(3600),
              t0,
              t0.plusSeconds(3)));
      events.run(RunFinished.of(started, end, new RunTotals(7, 1, 6, 0), RunStatus.COMPLETED));
    }

    awaitFinishedLaunch(run);
    // drift and latency come on other topics and may be reported after the run's end: wait for them
    JsonNode launch =
        await()
            .atMost(WAIT)
            .until(
                () -> awaitFinishedLaunch(run),
                l -> warnings(l).size() >= 4 && attributes(l).contains("schema-change"));
    assertThat(RpDouble.launchesOfRun(run)).isEqualTo(1);
    assertThat(launch.path("name").asText())
        .startsWith("pokeapi regression ")
        .contains(run.toString().substring(0, 8));
    assertThat(launch.path("description").asText()).contains(run.toString()).contains("regression");
    assertThat(attributes(launch))
        .contains(
            "suite:regression", "env:test", "target:127.0.0.1", "release:abc1234", "schema-change");
    assertThat(Instant.parse(launch.path("startTime").asText())).isEqualTo(t0);
    assertThat(Instant.parse(launch.path("endTime").asText())).isEqualTo(end);
    assertThat(launch.path("status").asText()).isEqualTo("FAILED");
    assertThat(launch.path("interruptedItems").asInt()).isZero();

    // a suite per endpoint, an item per check under it, each finished exactly once
    List<JsonNode> suites = new ArrayList<>();
    launch.path("items").forEach(suites::add);
    assertThat(suites)
        .extracting(s -> s.path("name").asText())
        .containsExactlyInAnyOrder("pokemon", "type", "ability");
    assertThat(suites).allSatisfy(s -> assertThat(s.path("type").asText()).isEqualTo("SUITE"));
    List<JsonNode> items =
        RpDouble.items(launch).stream()
            .filter(i -> i.path("type").asText().equals("STEP"))
            .toList();
    assertThat(items).hasSize(checks.size());
    assertThat(RpDouble.items(launch))
        .allSatisfy(i -> assertThat(i.path("finishCount").asInt()).isEqualTo(1));
    for (CheckResult check : checks) {
      JsonNode item =
          items.stream()
              .filter(i -> i.path("name").asText().equals(check.checkName()))
              .findFirst()
              .orElseThrow();
      assertThat(Instant.parse(item.path("startTime").asText())).isEqualTo(check.startedAt());
      assertThat(Instant.parse(item.path("endTime").asText())).isEqualTo(check.finishedAt());
      assertThat(item.path("status").asText()).isEqualTo(check.status().name());
    }

    // defect types from the evidence
    Map<String, String> expectedDefects =
        Map.of(
            "pokemon.schema", "pb001",
            "type.by-id", "si001",
            "type.by-name", "si001",
            "ability.by-id", "ab001",
            "ability.by-name", "ti001",
            "ability.circuit", "si001");
    expectedDefects.forEach(
        (name, locator) ->
            assertThat(item(items, name).path("issueType").asText()).as(name).isEqualTo(locator));
    assertThat(item(items, "pokemon.by-id").path("issueType").isNull()).isTrue();

    // failure logs at ERROR with reason, assertions and request summary; evidence as a file
    JsonNode schemaItem = item(items, "pokemon.schema");
    JsonNode errorLog = schemaItem.path("logs").get(0);
    assertThat(errorLog.path("level").asText()).isEqualTo("error");
    assertThat(errorLog.path("message").asText())
        .contains("schema_validation: body breaks the published schema")
        .contains("/weight: expected integer, actual \"heavy\"")
        .contains("request/response: GET pokemon");
    JsonNode attachment = schemaItem.path("logs").get(1);
    assertThat(attachment.path("file").path("name").asText()).isEqualTo("response.json");
    assertThat(attachment.path("file").path("contentType").asText()).startsWith("application/json");
    assertThat(attachment.path("file").path("text").asText()).isEqualTo("{\"weight\":\"heavy\"}");
    assertThat(item(items, "pokemon.by-id").path("logs")).isEmpty();

    // drift and latency as launch-level warnings; the data change's JSON Patch as a file
    JsonNode patchLog = null;
    for (JsonNode log : launch.path("logs")) {
      if (log.has("file")) {
        patchLog = log;
      }
    }
    assertThat(warnings(launch))
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("schema change of pokemon: type_changed /weight")
                    .contains("[breaking]"))
        .anySatisfy(
            w -> assertThat(w).contains("schema change of pokemon: field_added /e2e_marker"))
        .anySatisfy(w -> assertThat(w).contains("latency regression at type: p95 180.0 ms"))
        .anySatisfy(w -> assertThat(w).contains("data change of pokemon/25: 2 operation(s)"));
    assertThat(patchLog).isNotNull();
    assertThat(patchLog.path("file").path("text").asText())
        .contains("\"op\" : \"replace\"")
        .contains("\"path\" : \"/weight\"")
        .contains("\"value\" : 61");

    // the metrics say what was delivered, and nothing waits
    await().atMost(WAIT).until(() -> Metrics.value("reporter_backlog", null) == 0);
    assertThat(Metrics.value("reporter_published_total", "kind=\"check_result\""))
        .isGreaterThanOrEqualTo(checks.size());
    assertThat(Metrics.value("reporter_published_total", "kind=\"drift\""))
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void aCheckThatFailsThenPassesOnARerunIsFlakyAndCountedAcrossRuns() {
    String check = "pokemon.flaky-" + UUID.randomUUID().toString().substring(0, 6);
    List<UUID> runs =
        List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    try (Events events = new Events()) {
      for (int i = 0; i < runs.size(); i++) {
        UUID run = runs.get(i);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        RunStarted started =
            RunStarted.of(run, "smoke", RunTrigger.SCHEDULE, List.of("pokemon"), t0);
        events.run(started);
        boolean flaky = i % 2 == 0; // runs 1 and 3 flaky, runs 2 and 4 clean
        if (flaky) {
          events.check(
              failed(
                  run,
                  check,
                  "pokemon",
                  FailureType.HTTP_5XX,
                  "HTTP 502",
                  t0.plusMillis(5),
                  10,
                  List.of(),
                  List.of()));
          events.check(withAttempt(passed(run, check, "pokemon", t0.plusMillis(20), 10), 2));
        } else {
          events.check(passed(run, check, "pokemon", t0.plusMillis(5), 10));
        }
        events.run(
            RunFinished.of(
                started, t0.plusSeconds(1), new RunTotals(2, 1, 0, 0), RunStatus.COMPLETED));
      }
    }
    for (UUID run : runs) {
      awaitFinishedLaunch(run);
    }
    JsonNode flakyRun = awaitFinishedLaunch(runs.get(0));
    JsonNode rerun =
        RpDouble.items(flakyRun).stream()
            .filter(i -> i.path("name").asText().equals(check + " (attempt 2)"))
            .findFirst()
            .orElseThrow();
    assertThat(attributes(rerun)).contains("flaky", "attempt:2");
    assertThat(rerun.path("status").asText()).isEqualTo("PASSED");
    JsonNode firstAttempt = item(RpDouble.items(flakyRun), check);
    assertThat(firstAttempt.path("status").asText()).isEqualTo("FAILED");
    assertThat(attributes(firstAttempt)).doesNotContain("flaky");

    given()
        .get("/api/v1/flaky-checks?limit=500")
        .then()
        .statusCode(200)
        .body("find { it.testName == '" + check + "' }.totalRuns", org.hamcrest.Matchers.is(4))
        .body("find { it.testName == '" + check + "' }.flakyRuns", org.hamcrest.Matchers.is(2))
        .body(
            "find { it.testName == '" + check + "' }.flakinessRate", org.hamcrest.Matchers.is(0.5f))
        .body(
            "find { it.testName == '" + check + "' }.lastFlakyAt",
            org.hamcrest.Matchers.notNullValue());
    assertThat(Metrics.value("pokeapi_test_flakiness_total", "test_name=\"" + check + "\""))
        .isEqualTo(2.0);
    assertThat(Metrics.value("pokeapi_test_flakiness_rate", "test_name=\"" + check + "\""))
        .isEqualTo(0.5);
  }

  @Test
  void aLoadRunIsALaunchOfItsOwnWithItsHtmlReportAttached() {
    UUID run = UUID.randomUUID();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    LoadRunSummary summary =
        new LoadRunSummary(
            1,
            run,
            "http://127.0.0.1:18080/api/v2",
            "pokemon-by-id-constant-rate",
            t0,
            Duration.ofSeconds(30),
            30_000,
            Map.of("http_5xx", 12L),
            1000.0,
            new LatencyPercentiles(800, 1500, 2000, 5000, 9000, 15000),
            true);
    try (Events events = new Events()) {
      events.load(summary);
    }
    JsonNode launch = awaitFinishedLaunch(run);
    assertThat(launch.path("name").asText()).startsWith("pokeapi load pokemon-by-id-constant-rate");
    assertThat(attributes(launch)).contains("suite:load", "target:127.0.0.1", "env:test");
    JsonNode item = launch.path("items").get(0);
    assertThat(item.path("status").asText()).isEqualTo("FAILED");
    assertThat(item.path("issueType").asText()).isEqualTo("si001");
    List<String> files = new ArrayList<>();
    item.path("logs")
        .forEach(
            l -> {
              if (l.has("file")) files.add(l.path("file").path("name").asText());
            });
    assertThat(files).containsExactly("load-report.html", "load-summary.json");
    JsonNode html = item.path("logs").get(1).path("file");
    assertThat(html.path("contentType").asText()).startsWith("text/html");
    assertThat(html.path("text").asText())
        .contains("<table")
        .contains("30000")
        .contains("5.000 ms");
    assertThat(item.path("logs").get(3).path("message").asText())
        .isEqualTo("full HTML report: http://load.test/api/v1/load-runs/" + run + "/report");
    assertThat(Instant.parse(launch.path("endTime").asText())).isEqualTo(t0.plusSeconds(30));
  }

  @Test
  void theFlakiestChecksEndpointNamesAnInvalidLimit() {
    given()
        .get("/api/v1/flaky-checks?limit=0")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("invalidParams[0].name", org.hamcrest.Matchers.is("limit"));
  }

  // ------------------------------------------------------------------------------------ helpers

  public static JsonNode awaitFinishedLaunch(UUID run) {
    JsonNode[] found = new JsonNode[1];
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              for (JsonNode l : RpDouble.launches()) {
                if (l.path("description").asText("").contains(run.toString())
                    && !l.path("status").asText().equals("IN_PROGRESS")) {
                  found[0] = RpDouble.launch(UUID.fromString(l.path("uuid").asText()));
                  return true;
                }
              }
              return false;
            });
    return found[0];
  }

  static List<String> warnings(JsonNode launch) {
    List<String> out = new ArrayList<>();
    for (JsonNode log : launch.path("logs")) {
      if (log.path("level").asText().equals("warn")) {
        out.add(log.path("message").asText());
      }
    }
    return out;
  }

  static JsonNode item(List<JsonNode> items, String name) {
    return items.stream()
        .filter(i -> i.path("name").asText().equals(name))
        .findFirst()
        .orElseThrow();
  }

  static List<String> attributes(JsonNode node) {
    List<String> out = new ArrayList<>();
    for (JsonNode a : node.path("attributes")) {
      out.add(
          a.has("key")
              ? a.path("key").asText() + ":" + a.path("value").asText()
              : a.path("value").asText());
    }
    return out;
  }

  static CheckResult passed(UUID run, String name, String endpoint, Instant start, long ms) {
    return CheckResult.passed(run, "regression", name, endpoint, 1, start, start.plusMillis(ms));
  }

  static CheckResult withAttempt(CheckResult r, int attempt) {
    return new CheckResult(
        r.schemaVersion(),
        r.runId(),
        r.suite(),
        r.checkName(),
        r.endpoint(),
        r.status(),
        r.failureType(),
        r.message(),
        r.assertions(),
        attempt,
        r.startedAt(),
        r.finishedAt(),
        r.attachments());
  }

  static CheckResult failed(
      UUID run,
      String name,
      String endpoint,
      FailureType type,
      String message,
      Instant start,
      long ms,
      List<AssertionDetail> assertions,
      List<Attachment> attachments) {
    return CheckResult.failed(
        run,
        "regression",
        name,
        endpoint,
        type,
        message,
        assertions,
        1,
        start,
        start.plusMillis(ms),
        attachments);
  }
}
