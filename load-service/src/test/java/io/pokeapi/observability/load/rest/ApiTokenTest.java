package io.pokeapi.observability.load.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With load.api.token set, mutating calls need it (the probe's rule); reads stay open. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestProfile(ApiTokenTest.WithToken.class)
class ApiTokenTest {

  /** Sets the token. */
  public static class WithToken implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("load.api.token", "s3cret-token", "load.distributed.enabled", "false");
    }
  }

  // a body that would be refused anyway, so that passing the token check starts nothing
  private static final String INVALID = "{\"profile\": {\"model\": \"open\"}}";

  @Test
  void postWithoutTheTokenIs401AndStartsNothing() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"preset\": \"smoke\", \"baseUrl\": \"http://127.0.0.1:9\"}")
        .when()
        .post("/api/load-runs")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer")
        .contentType(startsWith("application/problem+json"))
        .body("detail", containsString("API token"));
    given().when().get("/api/load-runs").then().statusCode(200).body("size()", equalTo(0));
  }

  @Test
  void aWrongTokenIs401() {
    given()
        .contentType(ContentType.JSON)
        .header("Authorization", "Bearer nope")
        .body(INVALID)
        .when()
        .post("/api/load-runs")
        .then()
        .statusCode(401)
        .body("detail", containsString("wrong"));
    given()
        .header("X-API-Token", "nope")
        .when()
        .delete("/api/load-runs/" + UUID.randomUUID())
        .then()
        .statusCode(401);
  }

  @Test
  void theRightTokenPassesInEitherHeader() {
    given()
        .contentType(ContentType.JSON)
        .header("Authorization", "Bearer s3cret-token")
        .body(INVALID)
        .when()
        .post("/api/load-runs")
        .then()
        .statusCode(400);
    given()
        .contentType(ContentType.JSON)
        .header("X-API-Token", "s3cret-token")
        .body(INVALID)
        .when()
        .post("/api/load-runs")
        .then()
        .statusCode(400);
    given()
        .header("X-API-Token", "s3cret-token")
        .when()
        .delete("/api/load-runs/" + UUID.randomUUID())
        .then()
        .statusCode(404);
  }

  @Test
  void readsNeedNoToken() {
    given().when().get("/api/load-runs/presets").then().statusCode(200);
    given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/load-runs"));
  }
}
