package io.pokeapi.observability.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class JsonEventSerdeTest {

  private final JsonEventSerializer<Object> serializer = new JsonEventSerializer<>();

  @Test
  void serializerAndDeserializerRoundTripAnEvent() {
    CheckResult event = SampleEvents.failedCheck();
    try (CheckResultDeserializer deserializer = new CheckResultDeserializer()) {
      byte[] bytes = serializer.serialize(Topics.CHECK_RESULTS, event);
      assertThat(deserializer.deserialize(Topics.CHECK_RESULTS, new RecordHeaders(), bytes))
          .isEqualTo(event);
      assertThat(deserializer.failures()).isZero();
    }
  }

  @Test
  void latencyRegressionDeserializerReadsWhatTheSerializerWrote() {
    LatencyRegressionDetected event = SampleEvents.latencyRegression();
    try (LatencyRegressionDetectedDeserializer deserializer =
        new LatencyRegressionDetectedDeserializer()) {
      byte[] bytes = serializer.serialize(Topics.LATENCY_REGRESSIONS, event);
      assertThat(deserializer.deserialize(Topics.LATENCY_REGRESSIONS, new RecordHeaders(), bytes))
          .isEqualTo(event);
      assertThat(deserializer.failures()).isZero();
    }
  }

  @Test
  void runEventDeserializerReadsBothKinds() {
    try (RunEventDeserializer deserializer = new RunEventDeserializer()) {
      assertThat(
              deserializer.deserialize(
                  Topics.RUN_EVENTS, serializer.serialize("t", SampleEvents.runStarted())))
          .isEqualTo(SampleEvents.runStarted());
      assertThat(
              deserializer.deserialize(
                  Topics.RUN_EVENTS, serializer.serialize("t", SampleEvents.runFinished())))
          .isEqualTo(SampleEvents.runFinished());
    }
  }

  @Test
  void malformedRecordReadsAsNullWithAnErrorHeaderInsteadOfBlockingTheConsumer() {
    try (JsonEventDeserializer<ApiResponseCaptured> deserializer =
        new JsonEventDeserializer<>(ApiResponseCaptured.class)) {
      RecordHeaders headers = new RecordHeaders();

      ApiResponseCaptured read =
          deserializer.deserialize(
              Topics.API_RESPONSES,
              headers,
              "{\"runId\": \"truncated".getBytes(StandardCharsets.UTF_8));

      assertThat(read).isNull();
      assertThat(deserializer.failures()).isEqualTo(1);
      Header error = headers.lastHeader(JsonEventDeserializer.ERROR_HEADER);
      assertThat(error).isNotNull();
      assertThat(new String(error.value(), StandardCharsets.UTF_8)).contains("end-of-input");
    }
  }

  @Test
  void recordLackingARequiredFieldOrOfTheWrongTypeReadsAsNull() {
    try (CheckResultDeserializer deserializer = new CheckResultDeserializer()) {
      RecordHeaders headers = new RecordHeaders();
      assertThat(
              deserializer.deserialize(
                  "t", headers, bytes("{\"checkName\":\"x\",\"status\":\"passed\"}")))
          .isNull();
      assertThat(deserializer.deserialize("t", headers, bytes("[1,2,3]"))).isNull();
      assertThat(
              deserializer.deserialize(
                  "t",
                  headers,
                  bytes("{\"runId\":\"not-a-uuid\",\"checkName\":\"x\",\"status\":\"passed\"}")))
          .isNull();
      assertThat(deserializer.failures()).isEqualTo(3);
      assertThat(headers.headers(JsonEventDeserializer.ERROR_HEADER)).hasSize(3);
    }
  }

  @Test
  void tombstoneReadsAsNullWithoutCountingAsAFailure() {
    try (CheckResultDeserializer deserializer = new CheckResultDeserializer()) {
      RecordHeaders headers = new RecordHeaders();
      assertThat(deserializer.deserialize("t", headers, (byte[]) null)).isNull();
      assertThat(deserializer.failures()).isZero();
      assertThat(headers.lastHeader(JsonEventDeserializer.ERROR_HEADER)).isNull();
      assertThat(serializer.serialize("t", null)).isNull();
    }
  }

  @Test
  void readOnlyHeadersDoNotTurnAFailureIntoAnException() {
    try (CheckResultDeserializer deserializer = new CheckResultDeserializer()) {
      RecordHeaders headers = new RecordHeaders();
      headers.setReadOnly();
      assertThat(deserializer.deserialize("t", headers, bytes("nope"))).isNull();
      assertThat(deserializer.failures()).isEqualTo(1);
    }
  }

  @Test
  void deserializerCanBeConfiguredByClassNameAsKeyOrValue() {
    try (JsonEventDeserializer<Object> value = new JsonEventDeserializer<>();
        JsonEventDeserializer<Object> key = new JsonEventDeserializer<>()) {
      value.configure(
          Map.of(JsonEventDeserializer.VALUE_TYPE_CONFIG, LoadRunSummary.class.getName()), false);
      key.configure(Map.of(JsonEventDeserializer.KEY_TYPE_CONFIG, RunTotals.class), true);

      assertThat(value.deserialize("t", serializer.serialize("t", SampleEvents.loadSummary())))
          .isEqualTo(SampleEvents.loadSummary());
      assertThat(key.type()).isEqualTo(RunTotals.class);
    }
  }

  @Test
  void deserializerWithoutATargetClassSaysHowToConfigureIt() {
    try (JsonEventDeserializer<Object> deserializer = new JsonEventDeserializer<>()) {
      assertThatIllegalStateException()
          .isThrownBy(() -> deserializer.configure(Map.of(), false))
          .withMessageContaining(JsonEventDeserializer.VALUE_TYPE_CONFIG);
      assertThatIllegalStateException()
          .isThrownBy(
              () ->
                  deserializer.configure(
                      Map.of(JsonEventDeserializer.VALUE_TYPE_CONFIG, "no.Such"), false))
          .withMessageContaining("no.Such");
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
