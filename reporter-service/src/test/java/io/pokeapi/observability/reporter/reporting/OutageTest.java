package io.pokeapi.observability.reporter.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.FailureType;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ReportPortal answering 503, hanging past the client's timeout, closing connections, and accepting
 * requests whose answers are then lost, in the middle of a run: afterwards every result is in the
 * launch exactly once and in the order it was published, and the metrics showed the backlog and the
 * errors meanwhile.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(TopicsResource.class)
@WithTestResource(PostgresDatabaseResource.class)
@WithTestResource(RpDoubleResource.class)
class OutageTest {

  private static final int CHECKS = 40;

  @AfterEach
  void recover() {
    RpDouble.mode("{\"mode\":\"ok\"}");
  }

  @Test
  void everyResultArrivesOnceAndInOrderAfterAnOutageMidRun() {
    UUID run = UUID.randomUUID();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    RunStarted started =
        RunStarted.of(run, "sweep", RunTrigger.API, List.of("pokemon", "type"), t0);
    List<CheckResult> checks = new ArrayList<>();
    for (int i = 0; i < CHECKS; i++) {
      String endpoint = i % 2 == 0 ? "pokemon" : "type";
      Instant start = t0.plusMillis(10L * i);
      checks.add(
          i % 7 == 3
              ? CheckResult.failed(
                  run,
                  "sweep",
                  String.format("%s.check-%02d", endpoint, i),
                  endpoint,
                  FailureType.HTTP_5XX,
                  "HTTP 500",
                  List.of(),
                  1,
                  start,
                  start.plusMillis(5),
                  List.of())
              : CheckResult.passed(
                  run,
                  "sweep",
                  String.format("%s.check-%02d", endpoint, i),
                  endpoint,
                  1,
                  start,
                  start.plusMillis(5)));
    }
    double http5xx = Metrics.value("reporter_errors_total", "kind=\"http_5xx\"");
    double timeouts = Metrics.value("reporter_errors_total", "kind=\"timeout\"");
    double unavailable = Metrics.value("reporter_errors_total", "kind=\"unavailable\"");
    try (Events events = new Events()) {
      events.run(started);
      for (int i = 0; i < 10; i++) {
        events.check(checks.get(i));
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> stepItems(run) >= 5);

      // down: 503 for everything, while the rest of the run is published
      RpDouble.mode("{\"mode\":\"fail\",\"status\":503}");
      for (int i = 10; i < CHECKS; i++) {
        events.check(checks.get(i));
      }
      events.run(
          RunFinished.of(
              started,
              t0.plusSeconds(5),
              new RunTotals(CHECKS, CHECKS - 6, 6, 0),
              RunStatus.COMPLETED));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> Metrics.value("reporter_errors_total", "kind=\"http_5xx\"") >= http5xx + 3);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> given().get("/api/v1/reporter/status").path("backlog"),
              b -> ((Number) b).longValue() > 0);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(Metrics.value("reporter_backlog", null))
                      .as("the backlog gauge while RP is down")
                      .isPositive());
      // then hanging past the client's 3 s timeout, closing connections, and losing answers
      RpDouble.mode("{\"mode\":\"hang\",\"count\":2}");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> Metrics.value("reporter_errors_total", "kind=\"timeout\"") >= timeouts + 2);
      RpDouble.mode("{\"mode\":\"refuse\",\"count\":2}");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  Metrics.value("reporter_errors_total", "kind=\"unavailable\"")
                      >= unavailable + 2);
      RpDouble.mode("{\"mode\":\"drop\",\"count\":4}");
    }

    JsonNode launch = FullRunReportingTest.awaitFinishedLaunch(run);
    assertThat(RpDouble.launchesOfRun(run)).isEqualTo(1);
    List<JsonNode> steps =
        RpDouble.items(launch).stream()
            .filter(i -> i.path("type").asText().equals("STEP"))
            .toList();
    assertThat(steps).hasSize(CHECKS);
    assertThat(steps).extracting(i -> i.path("name").asText()).doesNotHaveDuplicates();
    assertThat(RpDouble.items(launch))
        .allSatisfy(i -> assertThat(i.path("finishCount").asInt()).isEqualTo(1));
    assertThat(launch.path("interruptedItems").asInt()).isZero();
    // in order: the items were started in the order the results were published
    List<String> started0 = new ArrayList<>();
    for (JsonNode request : launch.path("requests")) {
      String r = request.asText();
      if (r.startsWith("start ")) {
        String uuid = r.substring(6);
        steps.stream()
            .filter(s -> s.path("uuid").asText().equals(uuid))
            .findFirst()
            .ifPresent(s -> started0.add(s.path("name").asText()));
      }
    }
    assertThat(started0)
        .containsExactlyElementsOf(checks.stream().map(CheckResult::checkName).toList());
    // failed checks still carry one error log each, not two
    assertThat(steps.stream().filter(s -> s.path("status").asText().equals("FAILED")))
        .allSatisfy(s -> assertThat(s.path("logs")).hasSize(1));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Metrics.value("reporter_backlog", null) == 0);
  }

  private static long stepItems(UUID run) {
    for (JsonNode l : RpDouble.launches()) {
      if (l.path("description").asText("").contains(run.toString())) {
        return RpDouble.items(RpDouble.launch(UUID.fromString(l.path("uuid").asText()))).stream()
            .filter(i -> i.path("type").asText().equals("STEP"))
            .count();
      }
    }
    return 0;
  }
}
