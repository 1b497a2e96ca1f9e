package io.pokeapi.observability.diff.rest;

import static io.pokeapi.observability.diff.support.Fixtures.pokemon;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.common.testsupport.PostgresDatabaseResource;
import io.pokeapi.observability.diff.support.Captures;
import io.pokeapi.observability.diff.support.Db;
import io.pokeapi.observability.diff.support.DiffTopicsResource;
import io.pokeapi.observability.diff.support.Fixtures;
import io.pokeapi.observability.diff.support.Runs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST read API: schemas, drift events, resource history and diffs, paging, problems. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
@WithTestResource(DiffTopicsResource.class)
class RestApiTest {

  @Inject Pool pool;

  private String endpoint;

  @BeforeEach
  void twoSweeps() {
    endpoint = Fixtures.uniqueEndpoint("pokemon");
    Runs runs = new Runs(new Db(pool));
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    UUID first = UUID.randomUUID();
    runs.play(
        first,
        "sweep",
        endpoint,
        List.of(
            capture(first, "25", pokemon(25, "pikachu", 60), "rel-a", t0),
            capture(first, "26", pokemon(26, "raichu", 300), "rel-a", t0.plusSeconds(1))));
    UUID second = UUID.randomUUID();
    runs.play(
        second,
        "sweep",
        endpoint,
        List.of(
            capture(second, "25", pokemon(25, "pikachu", 61), "rel-b", t0.plusSeconds(60)),
            capture(second, "26", pokemon(26, "raichu", 300), "rel-b", t0.plusSeconds(61))));
  }

  @Test
  void theCurrentSchemaOfAnEndpointAndItsHistory() {
    given()
        .get("/api/v1/schemas/{scope}", endpoint)
        .then()
        .statusCode(200)
        .body("scope", equalTo(endpoint))
        .body("version", equalTo(1))
        .body("current", equalTo(true))
        .body("origin", equalTo("baseline"))
        .body("documents", equalTo(2))
        .body("schema.'$schema'", equalTo("https://json-schema.org/draft/2020-12/schema"))
        .body("schema.properties.weight.type", equalTo("integer"));
    given()
        .get("/api/v1/schemas/{scope}/versions", endpoint)
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("hasNext", equalTo(false));
    given()
        .queryParam("size", 1)
        .get("/api/v1/schemas")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("size", equalTo(1));
  }

  @Test
  void theHistoryOfAResourceByIdOrNameAndTheDiffBetweenTwoVersions() {
    JsonPath versions =
        given()
            .get("/api/v1/resources/{endpoint}/pikachu/versions", endpoint)
            .then()
            .statusCode(200)
            .body("items", hasSize(2))
            .extract()
            .jsonPath();
    String newer = versions.getString("items[0].sha256");
    String older = versions.getString("items[1].sha256");
    assertThat(versions.getBoolean("items[0].current")).isTrue();
    assertThat(versions.getBoolean("items[1].current")).isFalse();

    given()
        .get("/api/v1/resources/{endpoint}/25/versions/{sha}", endpoint, older.substring(0, 12))
        .then()
        .statusCode(200)
        .body("version.sha256", equalTo(older))
        .body("body.weight", equalTo(60));
    given()
        .queryParam("from", older)
        .queryParam("to", newer)
        .get("/api/v1/resources/{endpoint}/25/diff", endpoint)
        .then()
        .statusCode(200)
        .body("operations", hasSize(1))
        .body("operations[0].changeType", equalTo("replace"))
        .body("operations[0].path", equalTo("/weight"))
        .body("operations[0].oldValue", equalTo(60))
        .body("operations[0].newValue", equalTo(61))
        .body("jsonPatch[0].op", equalTo("replace"));
    given()
        .get("/api/v1/resources/{endpoint}/25/changes", endpoint)
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].releaseHash", equalTo("rel-b"))
        .body("items[0].previousReleaseHash", equalTo("rel-a"))
        .body("items[0].operations[0].path", equalTo("/weight"));
  }

  @Test
  void driftEventsFilteredByEndpointKindAndTimeWithPaging() {
    given()
        .queryParam("endpoint", endpoint)
        .queryParam("kind", "data")
        .get("/api/v1/drift-events")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].kind", equalTo("data"))
        .body("items[0].resourceId", equalTo("25"))
        .body("items[0].operations", equalTo(1));
    given()
        .queryParam("endpoint", endpoint)
        .queryParam("kind", "schema")
        .get("/api/v1/drift-events")
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
    given()
        .queryParam("endpoint", endpoint)
        .queryParam("from", Instant.now().plusSeconds(3600).toString())
        .get("/api/v1/drift-events")
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
    long id =
        given()
            .queryParam("endpoint", endpoint)
            .get("/api/v1/drift-events")
            .then()
            .extract()
            .jsonPath()
            .getLong("items[0].id");
    given()
        .get("/api/v1/drift-events/data/{id}", id)
        .then()
        .statusCode(200)
        .body("operations[0].oldValue", equalTo(60));
  }

  @Test
  void badParametersGetProblemDetails() {
    problem("/api/v1/drift-events?size=0", 400).body("invalidParams.name", hasItem("size"));
    problem("/api/v1/drift-events?page=-1", 400).body("invalidParams.name", hasItem("page"));
    problem("/api/v1/drift-events?size=201", 400).body("invalidParams.name", hasItem("size"));
    problem("/api/v1/drift-events?kind=weather", 400)
        .body("invalidParams[0].name", equalTo("kind"))
        .body("detail", containsString("data, schema"));
    problem("/api/v1/drift-events?from=yesterday", 400)
        .body("invalidParams[0].name", equalTo("from"));
    problem("/api/v1/drift-events?from=2026-08-07T00:00:00Z&to=2026-08-06T00:00:00Z", 400)
        .body("invalidParams[0].name", equalTo("to"));
    problem("/api/v1/drift-events?endpoint=Not%20An%20Endpoint", 400);
    problem("/api/v1/resources/" + endpoint + "/25/diff?from=xyz&to=abc", 400);
    problem("/api/v1/schemas/" + endpoint + "/versions/0", 400);
    problem("/api/v1/schemas/nothing-here", 404).body("detail", containsString("nothing-here"));
    problem("/api/v1/resources/" + endpoint + "/mewtwo/versions", 404);
  }

  @Test
  void theApiIsDocumentedInOpenApi() {
    given()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body("paths.'/api/v1/drift-events'.get", notNullValue())
        .body("paths.'/api/v1/schemas/{scope}'.get", notNullValue())
        .body("paths.'/api/v1/resources/{endpoint}/{resource}/diff'.get", notNullValue())
        .body("paths.'/api/v1/baselines'.get", notNullValue());
  }

  private static io.restassured.response.ValidatableResponse problem(String path, int status) {
    return given()
        .urlEncodingEnabled(false)
        .get(path)
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("status", equalTo(status))
        .body("title", notNullValue())
        .body("type", notNullValue());
  }

  private ApiResponseCaptured capture(
      UUID run, String key, String body, String release, Instant at) {
    return Captures.ok(run, "sweep", endpoint, key, body, release, at);
  }
}
