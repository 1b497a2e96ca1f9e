package io.pokeapi.observability.load.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.pokeapi.observability.common.contract.LoadRunSummary;
import io.pokeapi.observability.common.contract.Topics;
import io.pokeapi.observability.common.testsupport.HeadlessChromium;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.load.engine.Histograms;
import io.pokeapi.observability.load.support.InjectPokeApiDouble;
import io.pokeapi.observability.load.support.LoadSummaries;
import io.pokeapi.observability.load.support.PokeApiDoubleResource;
import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The REST API of load-service against the real broker and the PokéAPI double: validation, the
 * safety cap, a short real run whose summary arrives on Kafka with the double's counts, its reports
 * (the HTML one rendered in headless Chromium), and stopping a run.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PokeApiDoubleResource.class)
class LoadRunResourceTest {

  @InjectPokeApiDouble PokeApiDouble pokeApi;

  private static final String MIX =
      """
      [{"path": "/pokemon/{id}", "weight": 3, "ids": ["1", "4", "6", "25", "133"]},
       {"path": "/type/{id}", "weight": 1, "ids": ["1", "3", "4", "10", "12", "13"]},
       {"path": "/ability/{id}", "weight": 1, "ids": ["9", "50", "65", "66"]}]
      """;

  private static JsonPath problem(String body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/load-runs")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(400))
        .extract()
        .jsonPath();
  }

  @Test
  void aBadProfileGets400ProblemDetailsNamingEachField() {
    JsonPath bad =
        problem(
            """
            {"profile": {"model": "open", "baseUrl": "http://127.0.0.1:1",
              "requests": [{"path": "pokemon"}], "rate": 10,
              "stages": [{"duration": "1s", "target": 5}]}}
            """);
    assertThat(bad.getList("errors.field", String.class))
        .containsExactlyInAnyOrder("profile.requests[0].path", "profile.rate");
    assertThat(bad.getString("detail")).contains("profile.requests[0].path");
  }

  @Test
  void unreadableFieldsAreNamedToo() {
    assertThat(
            problem("{\"profile\": {\"model\": \"sideways\"}}")
                .getList("errors.field", String.class))
        .containsExactly("profile.model");
    assertThat(
            problem("{\"profile\": {\"model\": \"open\", \"duration\": \"soon\"}}")
                .getList("errors.field", String.class))
        .containsExactly("profile.duration");
    JsonPath misspelt = problem("{\"profile\": {\"model\": \"open\", \"rates\": 5}}");
    assertThat(misspelt.getList("errors.field", String.class)).containsExactly("profile.rates");
    assertThat(misspelt.getString("errors[0].message")).contains("not a known field");
  }

  @Test
  void presetsAreNamedAndExclusiveWithProfiles() {
    assertThat(problem("{\"preset\": \"stampede\"}").getString("errors[0].message"))
        .contains("original, spike, soak, smoke");
    assertThat(problem("{}").getList("errors.field", String.class)).containsExactly("profile");
    assertThat(
            problem("{\"preset\": \"smoke\", \"profile\": {\"model\": \"open\"}}")
                .getList("errors.field", String.class))
        .containsExactly("preset");
    assertThat(
            problem("{\"preset\": \"smoke\", \"replicas\": 0}")
                .getList("errors.field", String.class))
        .containsExactly("replicas");
    given()
        .when()
        .get("/api/load-runs/presets")
        .then()
        .statusCode(200)
        .body("original.model", equalTo("closed"))
        .body("original.startUsers", equalTo(10))
        .body("original.stages[0].duration", equalTo("30s"))
        .body("original.stages[0].target", equalTo(50.0f))
        .body("original.stages[1].duration", equalTo("1m"))
        .body("original.thinkTime.min", equalTo("1s"))
        .body("original.thinkTime.max", equalTo("3s"))
        .body("original.requests.weight", equalTo(List.of(3, 1, 1)))
        .body("spike.model", equalTo("open"))
        .body("soak.duration", equalTo("1h"));
  }

  @Test
  void aimedAtPokeApiAboveThePoliteRateItRefusesAndSaysWhy() {
    JsonPath refused =
        problem("{\"preset\": \"original\", \"baseUrl\": \"https://pokeapi.co/api/v2\"}");
    assertThat(refused.getList("errors.field", String.class)).containsExactly("overridePoliteRate");
    assertThat(refused.getString("detail"))
        .contains("pokeapi.co")
        .contains("polite limit of 5 requests/s")
        .contains("overridePoliteRate");
    given()
        .when()
        .get("/api/load-runs")
        .then()
        .statusCode(200)
        .body("baseUrl", org.hamcrest.Matchers.not(hasItem("https://pokeapi.co/api/v2")));
  }

  @Test
  void anUnknownRunIs404() {
    given()
        .when()
        .get("/api/load-runs/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"));
  }

  @Test
  void aShortRunAgainstTheDoublePublishesItsSummaryAndServesItsReports() throws Exception {
    long before = served();
    try (LoadSummaries summaries = new LoadSummaries(bootstrapServers())) {
      String location =
          given()
              .contentType(ContentType.JSON)
              .body(
                  "{\"profile\": {\"name\": \"rest-open\", \"model\": \"open\", \"rate\": 25,"
                      + " \"duration\": \"2s\", \"requests\": "
                      + MIX
                      + "}}")
              .when()
              .post("/api/load-runs")
              .then()
              .statusCode(202)
              .header("Location", containsString("/api/load-runs/"))
              .body("model", equalTo("open"))
              .body("baseUrl", equalTo(pokeApi.baseUrl() + "/api/v2"))
              .body("status", org.hamcrest.Matchers.oneOf("starting", "running"))
              .extract()
              .path("location");
      UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

      JsonPath run = awaitEnded(location);

      assertThat(run.getString("status")).isEqualTo("completed");
      long requests = run.getLong("progress.requests");
      assertThat(requests).isEqualTo(50);
      assertThat(served() - before).isEqualTo(requests);
      assertThat(run.getBoolean("valid")).isTrue();
      assertThat(run.getDouble("progress.latencyMs.p99")).isPositive();

      LoadSummaries.Keyed keyed = summaries.await(id, Duration.ofSeconds(60));
      LoadRunSummary summary = keyed.summary();
      assertThat(keyed.key()).isEqualTo(id.toString());
      assertThat(summary.requests()).isEqualTo(requests);
      assertThat(summary.errors()).isZero();
      assertThat(summary.scenario()).isEqualTo("rest-open");
      assertThat(summary.model()).isEqualTo("open");
      assertThat(summary.replicas()).isEqualTo(1);
      assertThat(summary.valid()).isTrue();
      assertThat(summary.correctedForCoordinatedOmission()).isTrue();
      assertThat(Histograms.decode(summary.histogram()).getTotalCount()).isEqualTo(requests);
      assertThat(summary.latency().p99Micros())
          .isEqualTo(Histograms.decode(summary.histogram()).getValueAtPercentile(99));
      assertThat(summaries.count(id)).isEqualTo(1);

      JsonPath report =
          given()
              .when()
              .get(location + "/report")
              .then()
              .statusCode(200)
              .contentType(startsWith("application/json"))
              .extract()
              .jsonPath();
      assertThat(report.getLong("summary.requests")).isEqualTo(requests);
      assertThat(report.getString("summary.histogram")).isEqualTo(summary.histogram());
      assertThat(report.getList("endpoints.endpoint", String.class))
          .containsExactly("pokemon", "type", "ability");
      assertThat(report.getList("timeline", Map.class)).hasSizeBetween(2, 3);
      assertThat(report.getList("distribution", Map.class)).isNotEmpty();

      String html =
          given()
              .accept("text/html")
              .when()
              .get(location + "/report")
              .then()
              .statusCode(200)
              .contentType(startsWith("text/html"))
              .body(containsString("chart-distribution"))
              .body(org.hamcrest.Matchers.not(containsString("cdn")))
              .extract()
              .asString();
      assertRendersInChromium(html);

      given()
          .when()
          .delete(location)
          .then()
          .statusCode(409)
          .contentType(startsWith("application/problem+json"));
      given()
          .when()
          .get("/api/load-runs?limit=5")
          .then()
          .statusCode(200)
          .body("id", hasItem(id.toString()));
      given()
          .accept("text/plain")
          .when()
          .get("/q/metrics")
          .then()
          .statusCode(200)
          .body(
              containsString("pokeapi_load_requests_total{"),
              containsString("endpoint=\"pokemon\""),
              containsString("status=\"200\""),
              containsString("pokeapi_load_request_duration_seconds_bucket{"),
              containsString("pokeapi_load_users{"),
              containsString("pokeapi_load_running{"),
              containsString("pokeapi_load_dropped_total{"),
              containsString("pokeapi_load_saturated{"),
              containsString("pokeapi_load_event_loop_delay_seconds{"));
    }
  }

  @Test
  void deleteStopsARunningRunAndItsResultsCoverWhatRan() {
    String location =
        given()
            .contentType(ContentType.JSON)
            .body(
                "{\"profile\": {\"model\": \"closed\", \"users\": 2, \"duration\": \"60s\","
                    + " \"thinkTime\": {\"min\": \"50ms\", \"max\": \"100ms\"}, \"requests\": "
                    + MIX
                    + "}}")
            .when()
            .post("/api/load-runs")
            .then()
            .statusCode(202)
            .extract()
            .path("location");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> given().get(location).jsonPath().getLong("progress.requests") > 0);
    given()
        .contentType(ContentType.JSON)
        .body("{\"preset\": \"smoke\"}")
        .when()
        .post("/api/load-runs")
        .then()
        .statusCode(409)
        .body("detail", containsString("is active on this replica"));

    given().when().delete(location).then().statusCode(202);

    JsonPath run = awaitEnded(location);
    assertThat(run.getString("status")).isEqualTo("stopped");
    assertThat(run.getLong("progress.requests")).isPositive();
    assertThat(run.getDouble("progress.elapsedSeconds")).isLessThan(55);
  }

  private static JsonPath awaitEnded(String location) {
    JsonPath[] last = new JsonPath[1];
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              last[0] = given().get(location).then().statusCode(200).extract().jsonPath();
              return List.of("completed", "stopped", "failed")
                  .contains(last[0].getString("status"));
            });
    return last[0];
  }

  private long served() {
    return pokeApi.metrics().requests("pokemon")
        + pokeApi.metrics().requests("type")
        + pokeApi.metrics().requests("ability");
  }

  private static String bootstrapServers() {
    return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
  }

  /** Every chart drew its data, and the page met no error. */
  static void assertRendersInChromium(String html) throws Exception {
    Assumptions.assumeTrue(
        HeadlessChromium.binary() != null,
        "Debian package chromium is not installed (see .ci/debian-packages)");
    Path page = Files.createTempFile("load-report", ".html");
    try {
      Files.writeString(page, html, StandardCharsets.UTF_8);
      HeadlessChromium.Rendered rendered = HeadlessChromium.render(page);

      assertThat(rendered.dom()).as(rendered.log()).contains("data-ready=\"true\"");
      assertThat(rendered.dom()).contains("data-errors=\"0\"");
      Matcher canvas =
          Pattern.compile("<canvas id=\"(chart-[a-z]+)\"[^>]*>").matcher(rendered.dom());
      int charts = 0;
      while (canvas.find()) {
        String tag = canvas.group();
        assertThat(tag).as(canvas.group(1)).contains("data-rendered=\"true\"");
        Matcher points = Pattern.compile("data-points=\"(\\d+)\"").matcher(tag);
        assertThat(points.find()).isTrue();
        assertThat(Integer.parseInt(points.group(1))).as(canvas.group(1)).isPositive();
        charts++;
      }
      assertThat(charts).isEqualTo(4);
      assertThat(rendered.log().lines().filter(l -> l.contains(":CONSOLE")).toList())
          .as("console messages")
          .isEmpty();
    } finally {
      Files.deleteIfExists(page);
    }
  }

  static String summariesTopic() {
    return Topics.LOAD_SUMMARIES;
  }
}
