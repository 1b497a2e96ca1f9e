package io.pokeapi.observability.common.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * One answer of the PokéAPI as the probe saw it, published on {@link Topics#API_RESPONSES} under
 * {@link #messageKey()}.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION} for this layout
 * @param runId the probe run that made the request
 * @param suite the probe suite (for example {@code smoke}, {@code full-sweep})
 * @param endpoint the PokéAPI endpoint, for example {@code pokemon}
 * @param resourceKey the id or name as requested, for example {@code 25} or {@code pikachu}
 * @param url the full URL requested
 * @param method the HTTP method, for example {@code GET}
 * @param status the HTTP status; {@code 0} when no response arrived
 * @param headers the selected response headers, never {@code null} ({@link ResponseHeaders#NONE})
 * @param latency time from sending the request to the last byte of the body
 * @param body the raw body text when it is JSON; {@code null} for 304, non-JSON bodies (the 404
 *     {@code Not Found} text) and failed requests
 * @param bodySha256 lower-case hex SHA-256 of the body's UTF-8 bytes ({@link #sha256Hex(String)}),
 *     or {@code null} without a body
 * @param capturedAt when the response was complete
 */
public record ApiResponseCaptured(
    int schemaVersion,
    UUID runId,
    String suite,
    String endpoint,
    String resourceKey,
    String url,
    String method,
    int status,
    ResponseHeaders headers,
    Duration latency,
    String body,
    String bodySha256,
    Instant capturedAt) {

  /** The layout version this class writes. */
  public static final int SCHEMA_VERSION = 1;

  public ApiResponseCaptured {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(resourceKey, "resourceKey");
    headers = headers == null ? ResponseHeaders.NONE : headers;
  }

  /**
   * A capture in the current layout, with the body's SHA-256 computed here.
   *
   * @param body the JSON body text, or {@code null} when there is none
   */
  public static ApiResponseCaptured of(
      UUID runId,
      String suite,
      String endpoint,
      String resourceKey,
      String url,
      String method,
      int status,
      ResponseHeaders headers,
      Duration latency,
      String body,
      Instant capturedAt) {
    return new ApiResponseCaptured(
        SCHEMA_VERSION,
        runId,
        suite,
        endpoint,
        resourceKey,
        url,
        method,
        status,
        headers,
        latency,
        body,
        body == null ? null : sha256Hex(body),
        capturedAt);
  }

  /** The Kafka key: {@link Topics#resourceKey(String, String)} of endpoint and resource key. */
  public String messageKey() {
    return Topics.resourceKey(endpoint, resourceKey);
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Lower-case hex SHA-256 of {@code bytes}: hash the raw body bytes when you have them. */
  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
