package io.pokeapi.observability.diff.ingest;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One captured response, normalised for storage: endpoint and resource key as in the Kafka key, the
 * body's SHA-256 (computed when the producer left it out) and the release headers.
 *
 * @param event the event as received
 * @param endpoint the endpoint, trimmed of slashes and lower-cased
 * @param resourceKey the id or name as requested, trimmed of slashes and lower-cased
 * @param schemaScope the schema the document belongs to, see {@link #schemaScope(String, String)}
 * @param capturedAt when the response was complete (the ingest time when the event lacks it)
 * @param sha256 lower-case hex SHA-256 of the body, or {@code null} without a body
 * @param bodyBytes the body's size in UTF-8 bytes (0 without a body), counted once here: storage
 *     and metrics read it several times per capture
 */
public record Capture(
    ApiResponseCaptured event,
    String endpoint,
    String resourceKey,
    String schemaScope,
    Instant capturedAt,
    String sha256,
    int bodyBytes) {

  /** Normalises one event; {@code now} stands in for a missing capture time. */
  public static Capture of(ApiResponseCaptured event, Instant now) {
    String key = Topics.resourceKey(event.endpoint(), event.resourceKey());
    String endpoint = Topics.endpointKey(event.endpoint());
    String resourceKey = key.substring(endpoint.length() + 1);
    String sha =
        event.body() == null
            ? null
            : event.bodySha256() != null && !event.bodySha256().isBlank()
                ? event.bodySha256().toLowerCase(Locale.ROOT)
                : ApiResponseCaptured.sha256Hex(event.body());
    return new Capture(
        event,
        endpoint,
        resourceKey,
        schemaScope(endpoint, resourceKey),
        event.capturedAt() == null ? now : event.capturedAt(),
        sha,
        utf8Length(event.body()));
  }

  /**
   * The schema a document of {@code endpoint} requested as {@code resourceKey} belongs to: the
   * endpoint for its resources ({@code pokemon} for {@code 25} and {@code pikachu}), the endpoint
   * and the sub-resource for sub-resources ({@code pokemon:encounters} for {@code 25/encounters}),
   * and {@code <endpoint>:list} for list pages (the probe's key {@code list?offset=0&limit=20}).
   * List pages and sub-resources have shapes of their own that must never blend into the shape of
   * the resources.
   */
  public static String schemaScope(String endpoint, String resourceKey) {
    int query = resourceKey.indexOf('?');
    String path = query < 0 ? resourceKey : resourceKey.substring(0, query);
    String[] segments = path.split("/");
    if (segments.length == 1) {
      return segments[0].equals("list") || segments[0].isEmpty() ? endpoint + ":list" : endpoint;
    }
    StringBuilder scope = new StringBuilder(endpoint);
    for (int i = 1; i < segments.length; i++) {
      if (!segments[i].isEmpty()) {
        scope.append(':').append(segments[i]);
      }
    }
    return scope.toString();
  }

  /** The endpoint of a schema scope ({@code pokemon} for {@code pokemon:list}). */
  public static String endpointOfScope(String schemaScope) {
    int colon = schemaScope.indexOf(':');
    return colon < 0 ? schemaScope : schemaScope.substring(0, colon);
  }

  /** This capture standing for a known body: a 304 Not Modified of the resource's current body. */
  public Capture withSha256(String knownSha256) {
    return new Capture(
        event, endpoint, resourceKey, schemaScope, capturedAt, knownSha256, bodyBytes);
  }

  /** Whether this is a 304 Not Modified without a body (the probe's conditional requests). */
  public boolean isNotModified() {
    return event.status() == 304 && event.body() == null;
  }

  /** Whether the capture carries a JSON document to store: a 2xx answer with a body. */
  public boolean hasDocument() {
    return event.body() != null && event.status() >= 200 && event.status() < 300;
  }

  /**
   * The URL as stored with the capture's latency sample: the URL requested, or {@code
   * endpoint/resourceKey} when the producer left it out. The probe's ETag cache is kept per URL, so
   * a 304 confirms the body of this URL's last answer.
   */
  public String sampleUrl() {
    return event.url() == null ? endpoint + "/" + resourceKey : event.url();
  }

  /** The probe run. */
  public UUID runId() {
    return event.runId();
  }

  /** The {@code X-PokeAPI-Hash} seen with the answer, or {@code null}. */
  public String releaseHash() {
    return blankToNull(event.headers().pokeapiHash());
  }

  /** The {@code X-PokeAPI-Deploy-Date} seen with the answer, or {@code null}. */
  public String deployDate() {
    return blankToNull(event.headers().pokeapiDeployDate());
  }

  /** The latency in microseconds, or {@code null} when none was measured. */
  public Long latencyMicros() {
    Duration latency = event.latency();
    return latency == null ? null : latency.toNanos() / 1_000;
  }

  /** The size of {@code body} in UTF-8 bytes, counted without encoding it (0 for none). */
  static int utf8Length(String body) {
    if (body == null) {
      return 0;
    }
    int bytes = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
