package io.pokeapi.observability.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The probe service's REST API: starts runs and follows them to their end. */
final class ProbeApi {

  /** A run as {@code GET /api/runs/{id}} shows it. */
  record Run(
      UUID id,
      String suite,
      String status,
      long requests,
      long passed,
      long failed,
      long skipped,
      long planned,
      String error) {

    boolean running() {
      return "running".equals(status);
    }

    @Override
    public String toString() {
      return "%s run %s: %s, %d requests, %d checks passed, %d failed, %d skipped%s"
          .formatted(
              suite,
              id,
              status,
              requests,
              passed,
              failed,
              skipped,
              error == null ? "" : " (" + error + ")");
    }
  }

  private final String baseUrl;

  ProbeApi(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Starts a run of {@code suite}; the probe answers 202 with the run. */
  UUID start(String suite) {
    return start(suite, List.of());
  }

  /** Starts a run of {@code suite} over {@code endpoints} only (all when empty). */
  UUID start(String suite, List<String> endpoints) {
    return start(suite, endpoints, List.of());
  }

  /**
   * Starts a run of {@code suite} over {@code endpoints} and {@code resources} ({@code
   * endpoint/id-or-name}) only; an empty list is left out of the request.
   */
  UUID start(String suite, List<String> endpoints, List<String> resources) {
    StringBuilder body = new StringBuilder("{\"suite\":\"").append(suite).append('"');
    if (!endpoints.isEmpty()) {
      body.append(",\"endpoints\":[\"").append(String.join("\",\"", endpoints)).append("\"]");
    }
    if (!resources.isEmpty()) {
      body.append(",\"resources\":[\"").append(String.join("\",\"", resources)).append("\"]");
    }
    body.append('}');
    String id =
        given()
            .baseUri(baseUrl)
            .contentType(ContentType.JSON)
            .body(body.toString())
            .when()
            .post("/api/runs")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    return UUID.fromString(id);
  }

  /** The run now. */
  Run get(UUID id) {
    JsonPath run =
        given()
            .baseUri(baseUrl)
            .when()
            .get("/api/runs/" + id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    return new Run(
        id,
        run.getString("suite"),
        run.getString("status"),
        run.getLong("progress.requests"),
        run.getLong("progress.passed"),
        run.getLong("progress.failed"),
        run.getLong("progress.skipped"),
        run.getLong("progress.planned"),
        run.getString("error"));
  }

  /** The HTTP status {@code GET /api/runs/{id}} answers (404: the probe does not know the run). */
  int statusCode(UUID id) {
    return given().baseUri(baseUrl).when().get("/api/runs/" + id).then().extract().statusCode();
  }

  /** Waits until the run has ended (completed, failed or cancelled) and returns it. */
  Run awaitEnd(UUID id, Duration atMost) {
    return await("the end of run " + id)
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> get(id), run -> !run.running());
  }
}
