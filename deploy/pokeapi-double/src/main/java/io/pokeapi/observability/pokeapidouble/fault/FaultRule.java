package io.pokeapi.observability.pokeapidouble.fault;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One fault to inject: where ({@code endpoint}, or {@code *} for every request), what ({@code
 * kind}), how often ({@code rate}, 0 to 1; 1 always fires) and the kind's parameters. Rules are
 * immutable; the {@code with...} methods return changed copies.
 *
 * @param id identifies the rule for removal and in reports; assigned when null
 * @param endpoint an endpoint name ({@code pokemon}), {@code root} for {@code /api/v2/}, {@code
 *     unknown} for requests that match no endpoint, or {@code *} for all
 * @param kind what the fault does
 * @param rate the probability that a matching request gets the fault
 * @param latencyMs the delay {@link FaultKind#LATENCY} adds
 * @param stallMs how long {@link FaultKind#STALL} holds before closing the connection; 0 = forever
 * @param retryAfterSeconds the {@code Retry-After} value of {@link FaultKind#HTTP_429}
 * @param contentType the type {@link FaultKind#WRONG_CONTENT_TYPE} claims
 * @param sizeBytes the body size {@link FaultKind#OVERSIZED_BODY} pads to
 */
public record FaultRule(
    String id,
    String endpoint,
    FaultKind kind,
    double rate,
    long latencyMs,
    long stallMs,
    int retryAfterSeconds,
    String contentType,
    long sizeBytes) {

  /** The scope that matches every request. */
  public static final String ALL_ENDPOINTS = "*";

  /** The default {@code Retry-After} of a 429. */
  public static final int DEFAULT_RETRY_AFTER_SECONDS = 60;

  /** The default type a wrong-content-type fault claims. */
  public static final String DEFAULT_WRONG_CONTENT_TYPE = "text/html; charset=utf-8";

  /** The default size an oversized body is padded to: 16 MiB. */
  public static final long DEFAULT_OVERSIZED_BYTES = 16L << 20;

  /** The largest padding accepted: 1 GiB. */
  public static final long MAX_OVERSIZED_BYTES = 1L << 30;

  private static final Pattern SCOPE = Pattern.compile("\\*|[a-z0-9][a-z0-9-]{0,63}");

  /** Validates the values; see the record description for their meaning. */
  public FaultRule {
    endpoint = endpoint == null || endpoint.isBlank() ? ALL_ENDPOINTS : endpoint.trim();
    Objects.requireNonNull(kind, "a fault rule needs a kind");
    if (!SCOPE.matcher(endpoint).matches()) {
      throw new IllegalArgumentException(
          "endpoint must be an endpoint name, 'root', 'unknown' or '*', not '" + endpoint + "'");
    }
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate must be between 0 and 1, not " + rate);
    }
    if (latencyMs < 0 || stallMs < 0 || retryAfterSeconds < 0 || sizeBytes < 0) {
      throw new IllegalArgumentException("durations and sizes cannot be negative");
    }
    if (kind == FaultKind.LATENCY && latencyMs == 0) {
      throw new IllegalArgumentException("a latency fault needs latencyMs > 0");
    }
    if (sizeBytes > MAX_OVERSIZED_BYTES) {
      throw new IllegalArgumentException("sizeBytes cannot exceed " + MAX_OVERSIZED_BYTES);
    }
    if (contentType == null || contentType.isBlank()) {
      contentType = DEFAULT_WRONG_CONTENT_TYPE;
    } else if (contentType.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
      throw new IllegalArgumentException("contentType must be printable ASCII");
    }
    if (id != null && (id.isBlank() || !id.matches("[A-Za-z0-9._-]{1,64}"))) {
      throw new IllegalArgumentException("id must be 1 to 64 of [A-Za-z0-9._-], not '" + id + "'");
    }
  }

  /** Reads a rule from JSON, where every field but {@code kind} is optional. */
  @JsonCreator
  public static FaultRule fromJson(
      @JsonProperty("id") String id,
      @JsonProperty("endpoint") String endpoint,
      @JsonProperty("kind") FaultKind kind,
      @JsonProperty("rate") Double rate,
      @JsonProperty("latencyMs") Long latencyMs,
      @JsonProperty("stallMs") Long stallMs,
      @JsonProperty("retryAfterSeconds") Integer retryAfterSeconds,
      @JsonProperty("contentType") String contentType,
      @JsonProperty("sizeBytes") Long sizeBytes) {
    return new FaultRule(
        id,
        endpoint,
        kind,
        rate == null ? 1.0 : rate,
        latencyMs == null ? 0 : latencyMs,
        stallMs == null ? 0 : stallMs,
        retryAfterSeconds == null ? DEFAULT_RETRY_AFTER_SECONDS : retryAfterSeconds,
        contentType,
        sizeBytes == null ? DEFAULT_OVERSIZED_BYTES : sizeBytes);
  }

  /** A rule of this kind for every request, firing always, with default parameters. */
  public static FaultRule everywhere(FaultKind kind) {
    return on(ALL_ENDPOINTS, kind);
  }

  /** A rule of this kind for one endpoint, firing always, with default parameters. */
  public static FaultRule on(String endpoint, FaultKind kind) {
    return new FaultRule(
        null,
        endpoint,
        kind,
        1.0,
        kind == FaultKind.LATENCY ? 100 : 0,
        0,
        DEFAULT_RETRY_AFTER_SECONDS,
        null,
        DEFAULT_OVERSIZED_BYTES);
  }

  /** Whether this rule applies to every endpoint. */
  public boolean global() {
    return ALL_ENDPOINTS.equals(endpoint);
  }

  /** A copy with this id. */
  public FaultRule withId(String newId) {
    return new FaultRule(
        newId, endpoint, kind, rate, latencyMs, stallMs, retryAfterSeconds, contentType, sizeBytes);
  }

  /** A copy with this rate. */
  public FaultRule withRate(double newRate) {
    return new FaultRule(
        id, endpoint, kind, newRate, latencyMs, stallMs, retryAfterSeconds, contentType, sizeBytes);
  }

  /** A copy with this added latency. */
  public FaultRule withLatencyMs(long newLatencyMs) {
    return new FaultRule(
        id, endpoint, kind, rate, newLatencyMs, stallMs, retryAfterSeconds, contentType, sizeBytes);
  }

  /** A copy that stalls this long before closing (0 = forever). */
  public FaultRule withStallMs(long newStallMs) {
    return new FaultRule(
        id, endpoint, kind, rate, latencyMs, newStallMs, retryAfterSeconds, contentType, sizeBytes);
  }

  /** A copy with this {@code Retry-After}. */
  public FaultRule withRetryAfterSeconds(int seconds) {
    return new FaultRule(
        id, endpoint, kind, rate, latencyMs, stallMs, seconds, contentType, sizeBytes);
  }

  /** A copy claiming this content type. */
  public FaultRule withContentType(String newContentType) {
    return new FaultRule(
        id, endpoint, kind, rate, latencyMs, stallMs, retryAfterSeconds, newContentType, sizeBytes);
  }

  /** A copy padding bodies to this size. */
  public FaultRule withSizeBytes(long newSizeBytes) {
    return new FaultRule(
        id, endpoint, kind, rate, latencyMs, stallMs, retryAfterSeconds, contentType, newSizeBytes);
  }
}
