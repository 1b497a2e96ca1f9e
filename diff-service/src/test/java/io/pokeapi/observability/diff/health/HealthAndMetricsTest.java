package io.pokeapi.observability.diff.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.pokeapi.observability.common.health.KafkaClusterReadiness;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.common.testsupport.PostgresDatabaseResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * diff-service starts against the real Kafka broker and a PostgreSQL database of its own (migrated
 * by Flyway), reports its health for Kubernetes probes and serves Prometheus metrics.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
class HealthAndMetricsTest {

  @Test
  void livenessIsUp() {
    given().when().get("/q/health/live").then().statusCode(200).body("status", startsWith("UP"));
  }

  @Test
  void readinessIsUpAndChecksKafkaAndTheDatabase() {
    // the captures consumer is ready once the group gave it its partitions
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", startsWith("UP"))
        .body("checks.name", hasItem(KafkaClusterReadiness.NAME))
        .body("checks.find { it.name == 'kafka' }.status", startsWith("UP"))
        .body("checks.find { it.name == 'kafka' }.data.nodes", is(1))
        .body("checks.name", hasItem("Reactive PostgreSQL connections health check"))
        .body("checks.name", hasItem("Database connections health check"))
        .body("checks.find { it.name == 'diff-ingest' }.status", startsWith("UP"))
        .body("checks.find { it.name == 'diff-ingest' }.data.membership", is("assigned"));
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
        .body(containsString("application=\"diff-service\""));
  }
}
