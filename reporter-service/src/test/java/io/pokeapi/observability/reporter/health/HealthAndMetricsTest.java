package io.pokeapi.observability.reporter.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.pokeapi.observability.common.health.KafkaClusterReadiness;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * reporter-service starts against the real Kafka broker, reports its health for Kubernetes probes
 * and serves Prometheus metrics.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class HealthAndMetricsTest {

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
