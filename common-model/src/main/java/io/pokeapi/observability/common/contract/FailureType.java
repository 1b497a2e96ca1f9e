package io.pokeapi.observability.common.contract;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a check failed; written in lower_snake_case on the wire ({@code http_5xx}). */
public enum FailureType {
  /** No answer within the request timeout. */
  @JsonProperty("timeout")
  TIMEOUT,
  /** The connection could not be opened or broke (DNS, TCP, TLS). */
  @JsonProperty("connection")
  CONNECTION,
  /** A 4xx status other than 403-blocked and 429. */
  @JsonProperty("http_4xx")
  HTTP_4XX,
  /** A 5xx status. */
  @JsonProperty("http_5xx")
  HTTP_5XX,
  /** HTTP 429, or the client's own rate limiter refused the request. */
  @JsonProperty("rate_limited")
  RATE_LIMITED,
  /** The edge blocked the client (403 with {@code cf-mitigated: challenge}). */
  @JsonProperty("blocked")
  BLOCKED,
  /** The body was expected to be JSON and was not. */
  @JsonProperty("invalid_json")
  INVALID_JSON,
  /** The body is JSON but breaks the published schema or the validated model. */
  @JsonProperty("schema_validation")
  SCHEMA_VALIDATION,
  /** A content assertion of the check did not hold. */
  @JsonProperty("assertion")
  ASSERTION,
  /**
   * The endpoint's circuit breaker was open, so the request was not sent: the API failed recently
   * and is being given time to recover. Counts as a failure, never as a skip.
   */
  @JsonProperty("circuit_open")
  CIRCUIT_OPEN,
  /** The response was larger than the probe's body limit (which matches the Kafka record limit). */
  @JsonProperty("response_too_large")
  RESPONSE_TOO_LARGE,
  /**
   * The response could not be published to Kafka (the broker refused or did not acknowledge it), so
   * the pipeline never saw it.
   */
  @JsonProperty("publish_failed")
  PUBLISH_FAILED,
  /**
   * A value written by a newer producer that this reader does not know. Never written by this
   * version.
   */
  @JsonEnumDefaultValue
  @JsonProperty("unknown")
  UNKNOWN
}
