package io.pokeapi.observability.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ApiResponseCapturedTest {

  @Test
  void sha256MatchesKnownVectors() {
    // FIPS 180-2 test vectors, and a non-ASCII text hashed over its UTF-8 bytes
    assertThat(ApiResponseCaptured.sha256Hex(""))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(ApiResponseCaptured.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(ApiResponseCaptured.sha256Hex("Pokémon"))
        .isEqualTo("d6e9b032ef19220519986e5bd048e28ffc26316daa28a4c0dfaadc27c6f90caf");
    assertThat(ApiResponseCaptured.sha256Hex("Pokémon".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(ApiResponseCaptured.sha256Hex("Pokémon"));
  }

  @Test
  void ofHashesTheBodyAndLeavesTheHashOutWithoutOne() {
    assertThat(SampleEvents.apiResponse().bodySha256())
        .isEqualTo(ApiResponseCaptured.sha256Hex(SampleEvents.apiResponse().body()));
    ApiResponseCaptured notModified =
        ApiResponseCaptured.of(
            SampleEvents.RUN_ID,
            "smoke",
            "pokemon",
            "25",
            "u",
            "GET",
            304,
            null,
            Duration.ofMillis(5),
            null,
            Instant.EPOCH);
    assertThat(notModified.bodySha256()).isNull();
    assertThat(notModified.headers()).isEqualTo(ResponseHeaders.NONE);
    assertThat(notModified.schemaVersion()).isEqualTo(ApiResponseCaptured.SCHEMA_VERSION);
  }

  @Test
  void headersArePickedByTheirCanonicalNamesThroughACaseInsensitiveLookup() {
    Map<String, String> received = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    received.put("etag", "W/\"1\"");
    received.put("x-pokeapi-hash", "abc");
    received.put("CF-Cache-Status", "MISS");
    received.put("server", "cloudflare");

    ResponseHeaders headers = ResponseHeaders.from(received::get);

    assertThat(headers.etag()).isEqualTo("W/\"1\"");
    assertThat(headers.pokeapiHash()).isEqualTo("abc");
    assertThat(headers.cfCacheStatus()).isEqualTo("MISS");
    assertThat(headers.age()).isNull();
  }

  @Test
  void aCaptureNeedsItsRunEndpointAndResource() {
    assertThatNullPointerException()
        .isThrownBy(
            () ->
                new ApiResponseCaptured(
                    1, null, "s", "pokemon", "1", null, null, 200, null, null, null, null, null))
        .withMessage("runId");
  }

  @Property(tries = 300)
  void anyBodyTextRoundTripsExactlyAndStillMatchesItsHash(@ForAll String body) {
    ApiResponseCaptured captured =
        ApiResponseCaptured.of(
            SampleEvents.RUN_ID,
            "smoke",
            "pokemon",
            "1",
            "u",
            "GET",
            200,
            null,
            Duration.ofNanos(1),
            body,
            SampleEvents.T0);

    ApiResponseCaptured read =
        EventJson.fromBytes(EventJson.toBytes(captured), ApiResponseCaptured.class);

    assertThat(read.body()).isEqualTo(body);
    assertThat(ApiResponseCaptured.sha256Hex(read.body())).isEqualTo(read.bodySha256());
  }
}
