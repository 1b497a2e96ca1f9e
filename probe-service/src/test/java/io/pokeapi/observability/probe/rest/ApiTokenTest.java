package io.pokeapi.observability.probe.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.probe.support.PokeApiDoubleResource;
import io.pokeapi.observability.probe.support.ProbeTestSupport;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With probe.api.token set, every mutating call needs it; reads stay open. */
@QuarkusTest
@TestProfile(ApiTokenTest.WithToken.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PokeApiDoubleResource.class)
class ApiTokenTest {

  static final String TOKEN = "s3cret-probe-token";

  /** The test application with an API token. */
  public static class WithToken implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("probe.api.token", TOKEN);
    }
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
  void withoutTheTokenAStartIs401AndNothingStarts() {
    int before = runCount();

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("suite", "smoke"))
        .when()
        .post("/api/runs")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer")
        .body("status", equalTo(401))
        .body("detail", containsString("needs the API token"));
    given()
        .contentType(ContentType.JSON)
        .header("Authorization", "Bearer wrong")
        .body(Map.of("suite", "smoke"))
        .when()
        .post("/api/runs")
        .then()
        .statusCode(401)
        .body("detail", containsString("wrong"));
    given()
        .contentType(ContentType.JSON)
        .header("Authorization", "Basic " + TOKEN)
        .body(Map.of("suite", "smoke"))
        .when()
        .post("/api/runs")
        .then()
        .statusCode(401);

    assertThat(runCount()).isEqualTo(before);
  }

  @Test
  void theTokenAsBearerOrHeaderLetsCallsThroughAndReadsNeedNone() {
    String id =
        given()
            .contentType(ContentType.JSON)
            .header("Authorization", "Bearer " + TOKEN)
            .body(Map.of("suite", "smoke"))
            .when()
            .post("/api/runs")
            .then()
            .statusCode(202)
            .extract()
            .jsonPath()
            .getString("id");
    given().when().get("/api/runs/" + id).then().statusCode(200);

    given().when().delete("/api/runs/" + id).then().statusCode(401);
    given()
        .header(ApiTokenFilter.TOKEN_HEADER, TOKEN)
        .when()
        .delete("/api/runs/" + id)
        .then()
        .statusCode(org.hamcrest.Matchers.anyOf(equalTo(202), equalTo(409)));
    ProbeTestSupport.awaitEnd(UUID.fromString(id), Duration.ofSeconds(60));
  }

  @Test
  void invalidInputWithTheTokenIsStill400() {
    given()
        .contentType(ContentType.JSON)
        .header(ApiTokenFilter.TOKEN_HEADER, TOKEN)
        .body(Map.of("suite", "nope"))
        .when()
        .post("/api/runs")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("suite"));
  }
}
