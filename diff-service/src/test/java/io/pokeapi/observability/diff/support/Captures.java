package io.pokeapi.observability.diff.support;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.ResponseHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Builds {@link ApiResponseCaptured} events for tests, with small hand-written bodies. */
public final class Captures {

  private Captures() {}

  /** A 200 answer with a JSON body, released as {@code releaseHash}. */
  public static ApiResponseCaptured ok(
      UUID runId,
      String suite,
      String endpoint,
      String key,
      String body,
      String releaseHash,
      Instant capturedAt) {
    return ok(runId, suite, endpoint, key, body, releaseHash, capturedAt, Duration.ofMillis(40));
  }

  /** A 200 answer with a JSON body and a given latency. */
  public static ApiResponseCaptured ok(
      UUID runId,
      String suite,
      String endpoint,
      String key,
      String body,
      String releaseHash,
      Instant capturedAt,
      Duration latency) {
    return ApiResponseCaptured.of(
        runId,
        suite,
        endpoint,
        key,
        "https://pokeapi.test/api/v2/" + endpoint + "/" + key + "/",
        "GET",
        200,
        headers(releaseHash),
        latency,
        body,
        capturedAt);
  }

  /** A 304 Not Modified (no body), as the probe publishes conditional requests. */
  public static ApiResponseCaptured notModified(
      UUID runId, String suite, String endpoint, String key, String releaseHash, Instant at) {
    return ApiResponseCaptured.of(
        runId,
        suite,
        endpoint,
        key,
        "https://pokeapi.test/api/v2/" + endpoint + "/" + key + "/",
        "GET",
        304,
        headers(releaseHash),
        Duration.ofMillis(5),
        null,
        at);
  }

  /** A 404 with no JSON body. */
  public static ApiResponseCaptured notFound(
      UUID runId, String suite, String endpoint, String key, Instant at) {
    return ApiResponseCaptured.of(
        runId,
        suite,
        endpoint,
        key,
        "https://pokeapi.test/api/v2/" + endpoint + "/" + key + "/",
        "GET",
        404,
        headers(null),
        Duration.ofMillis(10),
        null,
        at);
  }

  /** Response headers carrying a release hash and deploy date. */
  public static ResponseHeaders headers(String releaseHash) {
    return new ResponseHeaders(
        "application/json; charset=utf-8",
        "W/\"etag\"",
        "public, max-age=86400",
        "0",
        releaseHash,
        releaseHash == null ? null : "2026-08-06T08:15:22Z",
        "HIT");
  }
}
