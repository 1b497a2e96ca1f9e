package io.pokeapi.observability.pokeapidouble.fault;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an injected fault does to a request. Each kind is counted under its {@link #label()}. */
public enum FaultKind {
  /** Adds {@code latencyMs} before the answer (combines with one other fault). */
  LATENCY("latency", false),
  /** Holds the request without answering; closes the connection after {@code stallMs} if > 0. */
  STALL("stall", false),
  /** HTTP 500 {@code Internal Server Error}, as the live function sends on upstream errors. */
  HTTP_500("http_500", false),
  /** HTTP 503 {@code Service Unavailable}. */
  HTTP_503("http_503", false),
  /** HTTP 429 with {@code Retry-After: retryAfterSeconds}. */
  HTTP_429("http_429", false),
  /** HTTP 403 with {@code cf-mitigated: challenge}: Cloudflare blocking an abusive client. */
  HTTP_403_CHALLENGE("http_403_challenge", false),
  /** Resets the TCP connection (RST) instead of answering. */
  CONNECTION_RESET("connection_reset", false),
  /** The real status and headers with a body that is not valid JSON. */
  MALFORMED_JSON("malformed_json", true),
  /** The real status with only the first half of the body (Content-Length matching the half). */
  TRUNCATED_JSON("truncated_json", true),
  /** Announces the full Content-Length, sends half of the body, then closes the connection. */
  TRUNCATED_TRANSFER("truncated_transfer", true),
  /** The real body with {@code Content-Type: contentType} (default {@code text/html}). */
  WRONG_CONTENT_TYPE("wrong_content_type", true),
  /** The real JSON padded with white space to {@code sizeBytes} (still valid JSON). */
  OVERSIZED_BODY("oversized_body", true);

  private final String label;
  private final boolean changesBody;

  FaultKind(String label, boolean changesBody) {
    this.label = label;
    this.changesBody = changesBody;
  }

  /** The name used in JSON rules and in the {@code fault} metric label. */
  @JsonValue
  public String label() {
    return label;
  }

  /** Whether the fault alters an answer's body, so it only applies when there is one. */
  public boolean changesBody() {
    return changesBody;
  }

  /** The kind with this label (or enum name), case-insensitive. */
  @JsonCreator
  public static FaultKind fromLabel(String label) {
    String normalized =
        label == null ? "" : label.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (FaultKind kind : values()) {
      if (kind.label.equals(normalized) || kind.name().equalsIgnoreCase(normalized)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown fault kind '"
            + label
            + "'; one of "
            + Arrays.stream(values()).map(FaultKind::label).collect(Collectors.joining(", ")));
  }
}
