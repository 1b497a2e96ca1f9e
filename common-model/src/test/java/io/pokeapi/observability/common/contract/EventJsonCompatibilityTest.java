package io.pokeapi.observability.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What an older consumer does with what a newer (or sloppier) producer writes. */
class EventJsonCompatibilityTest {

  @Test
  void olderConsumerReadsNewerProducersCaptureIgnoringExtraFields() {
    ApiResponseCaptured read =
        EventJson.fromJson(
            ContractFixtures.read("api-response-captured-from-newer-producer.json"),
            ApiResponseCaptured.class);

    assertThat(read.schemaVersion()).isEqualTo(2);
    assertThat(read.runId()).isEqualTo(SampleEvents.RUN_ID);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.headers().cfCacheStatus()).isEqualTo("HIT");
    assertThat(read.headers().etag()).isEqualTo("W/\"5c6f-abc\"");
    assertThat(read.latency()).isEqualTo(Duration.ofMillis(42).plusNanos(300_000));
    assertThat(read.body()).isEqualTo("{\"id\":25,\"name\":\"pikachu\"}");
    assertThat(read.capturedAt()).isEqualTo(Instant.parse("2026-08-08T06:49:31.123456Z"));
    assertThat(read.messageKey()).isEqualTo("pokemon/25");
  }

  @Test
  void missingOptionalFieldsReadAsNullOrEmpty() {
    ApiResponseCaptured read =
        EventJson.fromJson(
            ContractFixtures.read("api-response-captured-minimal.json"), ApiResponseCaptured.class);

    assertThat(read.status()).isEqualTo(304);
    assertThat(read.body()).isNull();
    assertThat(read.bodySha256()).isNull();
    assertThat(read.latency()).isNull();
    assertThat(read.suite()).isNull();
    assertThat(read.headers()).isEqualTo(ResponseHeaders.NONE);
  }

  @Test
  void unknownEnumValuesReadAsUnknownAndUnknownNestedFieldsAreIgnored() {
    CheckResult read =
        EventJson.fromJson(
            ContractFixtures.read("check-result-from-newer-producer.json"), CheckResult.class);

    assertThat(read.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(read.failureType()).isEqualTo(FailureType.UNKNOWN);
    assertThat(read.assertions())
        .containsExactly(new AssertionDetail("", "TLS 1.3", "TLS 1.0", "old TLS"));
    assertThat(read.attachments()).as("absent list").isEmpty();
    assertThat(read.attempt()).isEqualTo(2);
  }

  @Test
  void runFinishedFromNewerProducerKeepsWhatItKnows() {
    RunEvent read =
        EventJson.fromJson(
            ContractFixtures.read("run-finished-from-newer-producer.json"), RunEvent.class);

    assertThat(read).isInstanceOf(RunFinished.class);
    RunFinished finished = (RunFinished) read;
    assertThat(finished.trigger()).isEqualTo(RunTrigger.UNKNOWN);
    assertThat(finished.totals()).isEqualTo(new RunTotals(1400, 1370, 20, 10));
    assertThat(finished.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(finished.endpoints()).containsExactly("pokemon", "type");
  }

  @Test
  void olderConsumerReadsNewerProducersLatencyRegressionIgnoringExtraFields() {
    LatencyRegressionDetected read =
        EventJson.fromJson(
            ContractFixtures.read("latency-regression-from-newer-producer.json"),
            LatencyRegressionDetected.class);

    assertThat(read.schemaVersion()).isEqualTo(2);
    assertThat(read.runId()).isEqualTo(SampleEvents.RUN_ID);
    assertThat(read.endpoint()).isEqualTo("pokemon:list");
    assertThat(read.percentile()).isEqualTo("p95");
    assertThat(read.baselineMs()).isEqualTo(100.0);
    assertThat(read.baselineSamples()).isEqualTo(2770);
    assertThat(read.observedMs()).isEqualTo(130.0);
    assertThat(read.observedSamples()).isEqualTo(100);
    assertThat(read.ratio()).isEqualTo(1.3);
    assertThat(read.threshold()).isEqualTo(0.2);
    assertThat(read.baselineWindowStart()).isEqualTo(Instant.parse("2026-08-01T06:00:00Z"));
    assertThat(read.baselineWindowEnd()).isEqualTo(Instant.parse("2026-08-08T06:00:00Z"));
    assertThat(read.detectedAt()).isEqualTo(Instant.parse("2026-08-08T06:31:00Z"));
    assertThat(read.suite()).as("absent").isNull();
    assertThat(read.messageKey()).isEqualTo("pokemon:list");
  }

  @Test
  void loadSummaryOfTheFirstLayoutReadsWithTheNewerFieldsNull() {
    String firstLayout =
        EventJson.toJson(SampleEvents.loadSummary())
            .replaceAll(
                ",\"(valid|invalidReason|histogram|model|replicas|dropped|connectionWait)\":null",
                "")
            .replace(",\"meanMicros\":null", "");
    assertThat(firstLayout).doesNotContain("histogram").doesNotContain("meanMicros");

    LoadRunSummary read = EventJson.fromJson(firstLayout, LoadRunSummary.class);

    assertThat(read).isEqualTo(SampleEvents.loadSummary());
    assertThat(read.valid()).isNull();
    assertThat(read.histogram()).isNull();
    assertThat(read.latency().meanMicros()).isNull();
    assertThat(read.latency().p99Micros()).isEqualTo(6_100);
  }

  @Test
  void loadSummaryWithHistogramAndValidityRoundTrips() {
    LoadRunSummary summary = SampleEvents.loadSummaryOfAnInvalidRun();

    LoadRunSummary read = EventJson.fromJson(EventJson.toJson(summary), LoadRunSummary.class);

    assertThat(read).isEqualTo(summary);
    assertThat(read.valid()).isFalse();
    assertThat(read.invalidReason()).contains("event-loop delay");
    assertThat(read.connectionWait().meanMicros()).isEqualTo(12.5);
    assertThat(read.errors()).isEqualTo(15);
  }

  @Test
  void latencyRegressionWithoutItsEndpointIsUndecodable() {
    assertThatThrownBy(
            () ->
                EventJson.fromJson(
                    "{\"schemaVersion\":1,\"runId\":\"0b7e6f0e-4a0f-4d43-9a4e-6f3c1f1b2a10\"}",
                    LatencyRegressionDetected.class))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("endpoint");
  }

  @Test
  void runEventOfAnUnknownTypeReadsAsNullSoTheConsumerCanSkipIt() {
    assertThat(
            EventJson.fromJson(
                ContractFixtures.read("run-event-unknown-type.json"), RunEvent.class))
        .isNull();
  }

  @Test
  void eventWithoutItsRunIdIsUndecodable() {
    assertThatThrownBy(
            () ->
                EventJson.fromJson(
                    "{\"schemaVersion\":1,\"checkName\":\"x\",\"status\":\"passed\"}",
                    CheckResult.class))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("runId");
  }

  @Test
  void timesAreReadFromIsoStringsWithAnyOffsetAsTheSameInstant() {
    String json =
        "{\"runId\":\"0b7e6f0e-4a0f-4d43-9a4e-6f3c1f1b2a10\",\"endpoint\":\"type\","
            + "\"resourceKey\":\"1\",\"capturedAt\":\"2026-08-08T08:49:31+02:00\"}";
    assertThat(EventJson.fromJson(json, ApiResponseCaptured.class).capturedAt())
        .isEqualTo(Instant.parse("2026-08-08T06:49:31Z"));
  }
}
