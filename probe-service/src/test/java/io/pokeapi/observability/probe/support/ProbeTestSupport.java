package io.pokeapi.observability.probe.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Starting runs through the REST API and waiting for them, as a user of the probe would. */
public final class ProbeTestSupport {

  private ProbeTestSupport() {}

  /** POSTs a run and returns its id; fails unless the answer is 202. */
  public static UUID startRun(String suite, List<String> endpoints, List<String> resources) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("suite", suite);
    if (endpoints != null) {
      body.put("endpoints", endpoints);
    }
    if (resources != null) {
      body.put("resources", resources);
    }
    Response response = given().contentType(ContentType.JSON).body(body).when().post("/api/runs");
    response.then().statusCode(202);
    return UUID.fromString(response.jsonPath().getString("id"));
  }

  /** Waits until the run has ended and returns its final view. */
  public static Response awaitEnd(UUID id, Duration timeout) {
    return await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> given().when().get("/api/runs/" + id).then().statusCode(200).extract().response(),
            r -> !"running".equals(r.jsonPath().getString("status")));
  }
}
