package io.pokeapi.observability.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The diff service's read API. */
final class DiffApi {

  private final String baseUrl;

  DiffApi(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Every drift event ({@code GET /api/v1/drift-events}, all pages), newest first. */
  List<Map<String, Object>> driftEvents() {
    List<Map<String, Object>> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonPath body =
          given()
              .baseUri(baseUrl)
              .queryParam("page", page)
              .queryParam("size", 100)
              .when()
              .get("/api/v1/drift-events")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Map<String, Object>> items = body.getList("items");
      all.addAll(items);
      if (!body.getBoolean("hasNext")) {
        return all;
      }
    }
  }

  /** One data change with its JSON Patch operations. */
  JsonPath dataChange(long id) {
    return given()
        .baseUri(baseUrl)
        .when()
        .get("/api/v1/drift-events/data/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The current schema of a scope, or 404. */
  int schemaStatus(String scope) {
    return given()
        .baseUri(baseUrl)
        .when()
        .get("/api/v1/schemas/" + scope)
        .then()
        .extract()
        .statusCode();
  }
}
