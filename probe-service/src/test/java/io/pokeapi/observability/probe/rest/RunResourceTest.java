package io.pokeapi.observability.probe.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStatus;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import io.pokeapi.observability.pokeapidouble.fault.FaultKind;
import io.pokeapi.observability.pokeapidouble.fault.FaultRule;
import io.pokeapi.observability.probe.client.EtagCache;
import io.pokeapi.observability.probe.run.ScheduledRuns;
import io.pokeapi.observability.probe.run.Suite;
import io.pokeapi.observability.probe.support.InjectPokeApiDouble;
import io.pokeapi.observability.probe.support.KafkaEvents;
import io.pokeapi.observability.probe.support.PokeApiDoubleResource;
import io.pokeapi.observability.probe.support.ProbeTestSupport;
import io.pokeapi.observability.probe.support.PrometheusScrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The run API as its users call it: start, follow, list, cancel; bad input; overlapping runs. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PokeApiDoubleResource.class)
class RunResourceTest {

  private static KafkaEvents events;

  @InjectPokeApiDouble PokeApiDouble pokeApi;
  @Inject ScheduledRuns scheduler;
  @Inject EtagCache etags;

  @BeforeAll
  static void consume() {
    events = KafkaEvents.fromNow(KafkaBroker.shared().bootstrapServers());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    events.close();
  }

  @AfterEach
  void noFaults() {
    pokeApi.faults().clear();
  }

  private static int runCount() {
    return given()
        .queryParam("limit", 500)
        .when()
        .get("/api/runs")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("id")
        .size();
  }

  @Test
  void aStartedRunAnswers202WithItsIdAndLocationAndShowsItsProgress() {
    Response started =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("suite", "smoke", "endpoints", List.of("pokemon")))
            .when()
            .post("/api/runs");

    started.then().statusCode(202).body("id", notNullValue()).body("suite", equalTo("smoke"));
    String id = started.jsonPath().getString("id");
    assertThat(started.header("Location")).endsWith("/api/runs/" + id);
    assertThat(started.jsonPath().getString("location")).isEqualTo("/api/runs/" + id);

    Response end = ProbeTestSupport.awaitEnd(UUID.fromString(id), Duration.ofSeconds(60));
    end.then()
        .body("status", equalTo("completed"))
        .body("trigger", equalTo("api"))
        .body("endpoints", equalTo(List.of("pokemon")))
        .body("progress.passed", equalTo(4))
        .body("progress.failed", equalTo(0))
        .body("progress.remaining", equalTo(0))
        .body("finishedAt", notNullValue());
    assertThat(end.jsonPath().getInt("progress.requests")).isGreaterThanOrEqualTo(2);

    given().when().get("/api/runs").then().statusCode(200).body("id", hasItem(id));
    given()
        .queryParam("limit", 1)
        .when()
        .get("/api/runs")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "an unknown suite | {\"suite\":\"fuzz\"} | suite",
        "no suite | {} | suite",
        "an unknown endpoint | {\"suite\":\"sweep\",\"endpoints\":[\"pokemon\",\"nope\"]} | endpoints[1]",
        "a malformed resource | {\"suite\":\"smoke\",\"resources\":[\"pokemon/25\",\"pikachu\"]} | resources[1]",
        "a resource of no endpoint | {\"suite\":\"smoke\",\"resources\":[\"digimon/1\"]} | resources[0]",
        "endpoints not a list | {\"suite\":\"smoke\",\"endpoints\":\"pokemon\"} | endpoints",
        "JSON that does not parse | {\"suite\": | body",
        "no body at all | '' | body",
      })
  void badInputIs400ProblemDetailsNamingTheFieldAndStartsNothing(
      String what, String body, String field) {
    int before = runCount();

    given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/runs")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("title", equalTo("Invalid input"))
        .body("type", containsString("validation"))
        .body("instance", equalTo("/api/runs"))
        .body("errors.field", hasItem(field))
        .body("detail", containsString(field));

    assertThat(runCount()).as("runs after %s", what).isEqualTo(before);
  }

  @Test
  void badQueryAndPathValuesAre400AndUnknownRuns404() {
    given()
        .queryParam("limit", 0)
        .when()
        .get("/api/runs")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("limit"));
    given()
        .when()
        .get("/api/runs/not-a-run-id")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("id"));
    given()
        .when()
        .get("/api/runs/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
    given().when().delete("/api/runs/" + UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  void aRunningRunCanBeCancelledOnceAndEndsCancelledOnKafka() {
    etags.clear();
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.LATENCY).withLatencyMs(400));
    UUID run = ProbeTestSupport.startRun("sweep", List.of("pokemon"), null);
    // cancelled once the sweep has read its list and planned the resources (before that,
    // nothing is planned, so nothing would be left to skip)
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given().when().get("/api/runs/" + run).jsonPath().getInt("progress.remaining") > 1);

    given()
        .when()
        .delete("/api/runs/" + run)
        .then()
        .statusCode(202)
        .body("cancelRequested", equalTo(true));
    Response end = ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(60));
    RunFinished finished = events.awaitFinished(run, Duration.ofSeconds(30));

    assertThat(end.jsonPath().getString("status")).isEqualTo("cancelled");
    assertThat(finished.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(end.jsonPath().getInt("progress.remaining")).isPositive();
    given()
        .when()
        .delete("/api/runs/" + run)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("ended"));
  }

  @Test
  void aSecondRunOfASuiteWhileOneIsGoingIsRefusedAndCounted() {
    etags.clear();
    pokeApi.faults().add(FaultRule.on("type", FaultKind.LATENCY).withLatencyMs(400));
    double skippedBefore =
        PrometheusScrape.now().value("pokeapi_runs_skipped_total", Map.of("suite", "sweep"));
    UUID first = ProbeTestSupport.startRun("sweep", List.of("type"), null);
    try {
      given()
          .contentType(ContentType.JSON)
          .body(Map.of("suite", "sweep"))
          .when()
          .post("/api/runs")
          .then()
          .statusCode(409)
          .contentType("application/problem+json")
          .body("detail", containsString(first.toString()));
      assertThat(scheduler.trigger(Suite.SWEEP)).as("the scheduled trigger is skipped").isEmpty();
      assertThat(scheduler.trigger(Suite.SMOKE)).as("another suite may run").isPresent();

      assertThat(
              PrometheusScrape.now().value("pokeapi_runs_skipped_total", Map.of("suite", "sweep"))
                  - skippedBefore)
          .isEqualTo(2);
    } finally {
      given().when().delete("/api/runs/" + first);
      ProbeTestSupport.awaitEnd(first, Duration.ofSeconds(60));
    }
  }

  @Test
  void theApiIsDescribedInOpenApi() {
    given()
        .queryParam("format", "json")
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths.'/api/runs'.post.responses.'202'.description", equalTo("Started"))
        .body("paths.'/api/runs/{id}'.delete", notNullValue())
        .body("components.securitySchemes.apiToken.scheme", equalTo("bearer"))
        .body("info.title", endsWith("probe"));
  }
}
