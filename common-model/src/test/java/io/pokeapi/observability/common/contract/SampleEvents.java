package io.pokeapi.observability.common.contract;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One fully populated example of every event, for round-trip tests. */
final class SampleEvents {

  static final UUID RUN_ID = UUID.fromString("0b7e6f0e-4a0f-4d43-9a4e-6f3c1f1b2a10");
  static final Instant T0 = Instant.parse("2026-08-08T06:49:31.123456789Z");

  private SampleEvents() {}

  static ApiResponseCaptured apiResponse() {
    return ApiResponseCaptured.of(
        RUN_ID,
        "smoke",
        "pokemon",
        "25",
        "https://pokeapi.co/api/v2/pokemon/25/",
        "GET",
        200,
        new ResponseHeaders(
            "application/json; charset=utf-8",
            "W/\"5c6f-abc\"",
            "public, max-age=86400, s-maxage=86400",
            "1234",
            "0d8fe2bf23d53f44456dc8dd2c861c5dab827146",
            "2026-08-06T08:15:22Z",
            "HIT"),
        Duration.ofNanos(42_345_678),
        "{\"id\":25,\"name\":\"pikachu\",\"flavor\":\"Pokémon \\u00e9\"}",
        T0);
  }

  static CheckResult failedCheck() {
    return CheckResult.failed(
        RUN_ID,
        "smoke",
        "pokemon.by-id.status-200",
        "pokemon",
        FailureType.HTTP_5XX,
        "expected 200, got 503",
        List.of(new AssertionDetail("header:status", "200", "503", "status differs")),
        2,
        T0,
        T0.plusMillis(250),
        List.of(new Attachment("response.txt", "text/plain", "Service Unavailable")));
  }

  static CheckResult passedCheck() {
    return CheckResult.passed(RUN_ID, "smoke", "type.list.count", "type", 1, T0, T0.plusMillis(3));
  }

  static RunStarted runStarted() {
    return RunStarted.of(RUN_ID, "full-sweep", RunTrigger.SCHEDULE, List.of("pokemon", "type"), T0);
  }

  static RunFinished runFinished() {
    return RunFinished.of(
        runStarted(),
        T0.plus(Duration.ofMinutes(30)),
        new RunTotals(1400, 1370, 20, 10),
        RunStatus.COMPLETED);
  }

  static DriftDetected dataDrift() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return new DriftDetected(
        DriftDetected.SCHEMA_VERSION,
        DriftKind.DATA,
        "pokemon",
        "25",
        RUN_ID,
        List.of(
            new Change(
                "replace", "/base_experience", IntNode.valueOf(112), IntNode.valueOf(113), false),
            new Change("add", "/past_types/0", null, nodes.objectNode().put("slot", 1), false),
            new Change("remove", "/forms/1", TextNode.valueOf("x"), null, true),
            new Change(
                "replace",
                "/sprites/front_default",
                TextNode.valueOf("a.png"),
                NullNode.getInstance(),
                true),
            new Change("replace", "/a~1b/c~0d", null, null, false)),
        "0d8fe2bf23d53f44456dc8dd2c861c5dab827146",
        "2026-08-06T08:15:22Z",
        T0,
        true);
  }

  static DriftDetected schemaDrift() {
    return new DriftDetected(
        DriftDetected.SCHEMA_VERSION,
        DriftKind.SCHEMA,
        "type",
        null,
        RUN_ID,
        List.of(new Change("add", "/sprites/generation-x", null, null, false)),
        null,
        null,
        T0,
        false);
  }

  static LoadRunSummary loadSummary() {
    return new LoadRunSummary(
        LoadRunSummary.SCHEMA_VERSION,
        RUN_ID,
        "http://127.0.0.1:8089",
        "pokemon-by-id-constant-rate",
        T0,
        Duration.ofSeconds(60),
        600_000,
        Map.of("timeout", 3L, "http_5xx", 12L),
        9_999.5,
        new LatencyPercentiles(850, 1_900, 2_400, 6_100, 19_000, 48_000),
        true);
  }

  static LoadRunSummary loadSummaryOfAnInvalidRun() {
    return new LoadRunSummary(
        LoadRunSummary.SCHEMA_VERSION,
        RUN_ID,
        "http://127.0.0.1:8089",
        "spike",
        T0,
        Duration.ofSeconds(60),
        600_000,
        Map.of("timeout", 3L, "http_5xx", 12L),
        9_999.5,
        new LatencyPercentiles(850, 1_900, 2_400, 6_100, 19_000, 48_000, 1_020.25),
        true,
        false,
        "generator saturated: event-loop delay above 100 ms in 9 of 60 seconds",
        "HISTFAAAACF4nJNpmSzMwMDAzgABMFp8/1+ILwAoqQNK",
        "open",
        2,
        7L,
        new LatencyPercentiles(0, 1, 2, 40, 900, 1_500, 12.5));
  }

  static LatencyRegressionDetected latencyRegression() {
    return new LatencyRegressionDetected(
        LatencyRegressionDetected.SCHEMA_VERSION,
        RUN_ID,
        "smoke",
        "Pokemon/",
        "p95",
        95.5,
        2_770,
        130.25,
        100,
        130.25 / 95.5,
        0.20,
        T0.minus(Duration.ofDays(7)),
        T0,
        T0.plusSeconds(5));
  }

  /** Every sample, with the class to read it back as. */
  static Map<Object, Class<?>> all() {
    return Map.of(
        apiResponse(), ApiResponseCaptured.class,
        latencyRegression(), LatencyRegressionDetected.class,
        failedCheck(), CheckResult.class,
        passedCheck(), CheckResult.class,
        runStarted(), RunEvent.class,
        runFinished(), RunEvent.class,
        dataDrift(), DriftDetected.class,
        schemaDrift(), DriftDetected.class,
        loadSummary(), LoadRunSummary.class);
  }
}
