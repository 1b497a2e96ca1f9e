package io.pokeapi.observability.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** load-service's REST API ({@code /api/load-runs}), as far as the end-to-end tests need it. */
final class LoadRuns {

  private final String baseUrl;

  LoadRuns(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * A short closed-model run (4 connections for 5 s on pokemon 1 to 151) against {@code target},
   * waited for until it ends. Returns false when load-service has no load API (404).
   */
  boolean shortRun(String target, Duration atMost) {
    Map<String, Object> profile =
        Map.of(
            "model",
            "fixed-connections",
            "baseUrl",
            target,
            "connections",
            4,
            "duration",
            "5s",
            "requests",
            List.of(Map.of("path", "/pokemon/{id}/", "idRange", Map.of("from", 1, "to", 151))));
    Response started =
        given()
            .baseUri(baseUrl)
            .contentType("application/json")
            .body(Map.of("profile", profile))
            .when()
            .post("/api/load-runs");
    if (started.statusCode() == 404) {
      return false;
    }
    if (started.statusCode() != 202) {
      throw new IllegalStateException(
          "POST /api/load-runs answered " + started.statusCode() + ": " + started.asString());
    }
    String id = started.path("id");
    await("load run " + id + " to end")
        .atMost(atMost)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              String status =
                  given().baseUri(baseUrl).when().get("/api/load-runs/" + id).path("status");
              return status != null && !status.equals("running") && !status.equals("starting");
            });
    return true;
  }
}
