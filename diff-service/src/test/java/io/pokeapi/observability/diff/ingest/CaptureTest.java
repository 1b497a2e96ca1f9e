package io.pokeapi.observability.diff.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.diff.support.Captures;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CaptureTest {

  @Test
  void resourcesListPagesAndSubResourcesHaveSchemasOfTheirOwn() {
    assertThat(Capture.schemaScope("pokemon", "25")).isEqualTo("pokemon");
    assertThat(Capture.schemaScope("pokemon", "pikachu")).isEqualTo("pokemon");
    assertThat(Capture.schemaScope("pokemon", "list?offset=0&limit=20")).isEqualTo("pokemon:list");
    assertThat(Capture.schemaScope("pokemon", "list")).isEqualTo("pokemon:list");
    assertThat(Capture.schemaScope("pokemon", "25/encounters")).isEqualTo("pokemon:encounters");
    assertThat(Capture.endpointOfScope("pokemon:encounters")).isEqualTo("pokemon");
  }

  @Test
  void keysAreNormalisedLikeTheKafkaKeySoTrailingSlashAndCaseDoNotSplitAResource() {
    Capture capture =
        Capture.of(
            Captures.ok(
                UUID.randomUUID(), "smoke", "Pokemon/", "PIKACHU/", "{}", "h", Instant.EPOCH),
            Instant.EPOCH);

    assertThat(capture.endpoint()).isEqualTo("pokemon");
    assertThat(capture.resourceKey()).isEqualTo("pikachu");
  }

  @Test
  void theBodyHashIsComputedWhenTheProducerLeftItOut() {
    ApiResponseCaptured event =
        Captures.ok(UUID.randomUUID(), "smoke", "type", "1", "{\"id\":1}", "h", Instant.EPOCH);
    ApiResponseCaptured withoutHash =
        new ApiResponseCaptured(
            event.schemaVersion(),
            event.runId(),
            event.suite(),
            event.endpoint(),
            event.resourceKey(),
            event.url(),
            event.method(),
            event.status(),
            event.headers(),
            event.latency(),
            event.body(),
            null,
            event.capturedAt());

    assertThat(Capture.of(withoutHash, Instant.EPOCH).sha256()).isEqualTo(event.bodySha256());
  }

  @Test
  void bodySizeCountsUtf8Bytes() {
    Capture capture =
        Capture.of(
            Captures.ok(
                UUID.randomUUID(), "s", "pokemon", "1", "{\"n\":\"é€😀\"}", "h", Instant.EPOCH),
            Instant.EPOCH);

    assertThat(capture.bodyBytes())
        .isEqualTo(capture.event().body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
  }
}
