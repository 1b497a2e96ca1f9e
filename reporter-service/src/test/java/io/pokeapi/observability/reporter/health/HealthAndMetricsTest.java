package io.pokeapi.observability.reporter.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.pokeapi.observability.common.contract.RunStarted;
import io.pokeapi.observability.common.contract.RunTrigger;
import io.pokeapi.observability.common.health.KafkaClusterReadiness;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.common.testsupport.PostgresDatabaseResource;
import io.pokeapi.observability.reporter.support.Events;
import io.pokeapi.observability.reporter.support.Metrics;
import io.pokeapi.observability.reporter.support.TopicsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * reporter-service starts against the real Kafka broker, reports its health for Kubernetes probes
 * and serves Prometheus metrics.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(TopicsResource.class)
@WithTestResource(PostgresDatabaseResource.class)
class HealthAndMetricsTest {

  @Test
  void withoutReportPortalItSaysSoAndCountsWhatItWouldHaveSent() {
    UUID run = UUID.randomUUID();
    Instant t0 = Instant.now();
    double before = Metrics.value("reporter_unsent_total", "kind=\"run_started\"");
    try (Events events = new Events()) {
      events.run(RunStarted.of(run, "smoke", RunTrigger.API, List.of("pokemon"), t0));
    }
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> Metrics.value("reporter_unsent_total", "kind=\"run_started\"") >= before + 1);
    given()
        .get("/api/v1/reporter/status")
        .then()
        .statusCode(200)
        .body("mode", is("counting-only"))
        .body("target", is("none (counting only)"));
    given()
        .get("/api/v1/launches?limit=500")
        .then()
        .statusCode(200)
        .body("find { it.runId == '" + run + "' }.kind", is("probe"));
  }

  @Test
  void livenessIsUp() {
    given().when().get("/q/health/live").then().statusCode(200).body("status", startsWith("UP"));
  }

  @Test
  void readinessIsUpAndChecksKafka() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", startsWith("UP"))
        .body("checks.name", hasItem(KafkaClusterReadiness.NAME))
        .body("checks.find { it.name == 'kafka' }.status", startsWith("UP"))
        .body("checks.find { it.name == 'kafka' }.data.nodes", is(1));
  }

  @Test
  void metricsArePrometheusTextTaggedWithTheApplication() {
    given()
        .accept("text/plain")
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/plain"))
        .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
        .body(containsString("jvm_memory_used_bytes{"))
        .body(containsString("application=\"reporter-service\""));
  }
}
