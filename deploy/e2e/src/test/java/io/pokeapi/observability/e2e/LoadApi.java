package io.pokeapi.observability.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** load-service's REST API as the end-to-end tests use it. */
final class LoadApi {

  private final String baseUrl;

  LoadApi(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Starts a run ({@code POST /api/load-runs}) and returns its id. */
  UUID start(String body) {
    String id =
        given()
            .baseUri(baseUrl)
            .contentType("application/json")
            .body(body)
            .when()
            .post("/api/load-runs")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    return UUID.fromString(id);
  }

  /** Waits for the run to end and returns it as {@code GET /api/load-runs/{id}} answers. */
  JsonPath awaitEnd(UUID id, Duration within) {
    JsonPath[] last = new JsonPath[1];
    await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              last[0] =
                  given()
                      .baseUri(baseUrl)
                      .get("/api/load-runs/" + id)
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath();
              return List.of("completed", "stopped", "failed")
                  .contains(last[0].getString("status"));
            });
    return last[0];
  }

  /** The HTML report. */
  String htmlReport(UUID id) {
    return given()
        .baseUri(baseUrl)
        .queryParam("format", "html")
        .when()
        .get("/api/load-runs/" + id + "/report")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }
}
