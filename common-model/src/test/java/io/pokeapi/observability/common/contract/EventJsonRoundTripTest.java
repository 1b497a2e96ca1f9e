package io.pokeapi.observability.common.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonRoundTripTest {

  static Stream<Arguments> samples() {
    return SampleEvents.all().entrySet().stream()
        .map(e -> Arguments.of(e.getKey().getClass().getSimpleName(), e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everyEventSurvivesARoundTripAsTextAndAsBytes(String name, Object event, Class<?> readAs) {
    assertThat(EventJson.fromJson(EventJson.toJson(event), readAs)).isEqualTo(event);
    assertThat(EventJson.fromBytes(EventJson.toBytes(event), readAs)).isEqualTo(event);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everyEventCarriesSchemaVersionOne(String name, Object event, Class<?> readAs) {
    JsonNode json = EventJson.mapper().valueToTree(event);
    assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
  }

  @Test
  void apiResponseIsCamelCaseWithIsoTimesAndOnlyItsComponents() {
    JsonNode json = EventJson.mapper().valueToTree(SampleEvents.apiResponse());

    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly(
            "schemaVersion",
            "runId",
            "suite",
            "endpoint",
            "resourceKey",
            "url",
            "method",
            "status",
            "headers",
            "latency",
            "body",
            "bodySha256",
            "capturedAt");
    assertThat(json.get("capturedAt").asText()).isEqualTo("2026-08-08T06:49:31.123456789Z");
    assertThat(json.get("latency").asText()).isEqualTo("PT0.042345678S");
    assertThat(json.get("runId").asText()).isEqualTo("0b7e6f0e-4a0f-4d43-9a4e-6f3c1f1b2a10");
    assertThat(json.get("headers").get("pokeapiHash").asText())
        .isEqualTo("0d8fe2bf23d53f44456dc8dd2c861c5dab827146");
    assertThat(json.get("body").isTextual()).isTrue();
  }

  @Test
  void runEventsCarryTheirTypeDiscriminator() {
    assertThat(EventJson.mapper().valueToTree(SampleEvents.runStarted()).path("type").asText())
        .isEqualTo("run_started");
    assertThat(EventJson.mapper().valueToTree(SampleEvents.runFinished()).path("type").asText())
        .isEqualTo("run_finished");
    RunEvent read =
        EventJson.fromJson(EventJson.toJson(SampleEvents.runFinished()), RunEvent.class);
    assertThat(read).isInstanceOf(RunFinished.class);
    assertThat(((RunFinished) read).totals().checks()).isEqualTo(1400);
  }

  @Test
  void checkResultWritesLowerCaseStatusAndLowerSnakeFailureType() {
    JsonNode json = EventJson.mapper().valueToTree(SampleEvents.failedCheck());
    assertThat(json.get("status").asText()).isEqualTo("failed");
    assertThat(json.get("failureType").asText()).isEqualTo("http_5xx");
    JsonNode passed = EventJson.mapper().valueToTree(SampleEvents.passedCheck());
    assertThat(passed.get("failureType").isNull()).isTrue();
  }

  @Test
  void driftChangesKeepAbsentValuesApartFromJsonNull() {
    JsonNode changes = EventJson.mapper().valueToTree(SampleEvents.dataDrift()).get("changes");

    assertThat(changes.get(1).has("oldValue")).as("added: no old value").isFalse();
    assertThat(changes.get(2).has("newValue")).as("removed: no new value").isFalse();
    assertThat(changes.get(3).get("newValue").isNull()).as("replaced by JSON null").isTrue();

    DriftDetected read =
        EventJson.fromJson(EventJson.toJson(SampleEvents.dataDrift()), DriftDetected.class);
    assertThat(read.changes().get(1).oldValue()).isNull();
    assertThat(read.changes().get(3).newValue()).isEqualTo(NullNode.getInstance());
    assertThat(read.changes().get(4).path()).isEqualTo("/a~1b/c~0d");
    assertThat(read.breaking()).isTrue();
  }

  @Test
  void loadSummaryListsErrorClassesInOrder() {
    JsonNode json = EventJson.mapper().valueToTree(SampleEvents.loadSummary());
    assertThat(json.get("errorsByClass").fieldNames())
        .toIterable()
        .containsExactly("http_5xx", "timeout");
    assertThat(json.get("latency").get("p999Micros").asLong()).isEqualTo(19_000);
    assertThat(SampleEvents.loadSummary().errors()).isEqualTo(15);
  }

  @Test
  void latencyRegressionIsCamelCaseWithIsoTimesAndOnlyItsComponents() {
    JsonNode json = EventJson.mapper().valueToTree(SampleEvents.latencyRegression());

    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly(
            "schemaVersion",
            "runId",
            "suite",
            "endpoint",
            "percentile",
            "baselineMs",
            "baselineSamples",
            "observedMs",
            "observedSamples",
            "ratio",
            "threshold",
            "baselineWindowStart",
            "baselineWindowEnd",
            "detectedAt");
    assertThat(json.get("baselineWindowStart").asText())
        .isEqualTo("2026-08-01T06:49:31.123456789Z");
    assertThat(json.get("observedMs").asDouble()).isEqualTo(130.25);
    assertThat(json.get("threshold").asDouble()).isEqualTo(0.20);
  }
}
