package io.pokeapi.observability.rpdouble.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;

/**
 * How the double answers the reporting API right now: normally, with an error status, not at all
 * (the request hangs until the client gives up), slowly, by closing the connection, or by handling
 * the request and then closing the connection (the client cannot know it was accepted).
 *
 * @param kind what to do
 * @param status the HTTP status for {@code FAIL}
 * @param delay the delay for {@code SLOW}
 * @param remaining how many more requests get this treatment; negative for "until changed"
 */
public record FaultMode(Kind kind, int status, Duration delay, long remaining) {

  /** What the double does to a reporting request. */
  public enum Kind {
    OK,
    FAIL,
    HANG,
    SLOW,
    REFUSE,
    /**
     * Handles the request, then closes the connection instead of answering: the outcome is lost.
     */
    DROP
  }

  public static final FaultMode OK = new FaultMode(Kind.OK, 0, Duration.ZERO, -1);

  /** Reads {@code {"mode": "fail", "status": 503, "delayMs": 0, "count": -1}}. */
  public static FaultMode fromJson(JsonNode json) {
    String mode = json.path("mode").asText("ok").toUpperCase(Locale.ROOT);
    Kind kind;
    try {
      kind = Kind.valueOf(mode);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "mode must be one of ok, fail, hang, slow, refuse, drop; was '" + mode + "'");
    }
    int status = json.path("status").asInt(503);
    if (kind == Kind.FAIL && (status < 400 || status > 599)) {
      throw new IllegalArgumentException("status must be 400..599 for mode fail; was " + status);
    }
    long delayMs = json.path("delayMs").asLong(2000);
    if (delayMs < 0) {
      throw new IllegalArgumentException("delayMs must not be negative");
    }
    return new FaultMode(kind, status, Duration.ofMillis(delayMs), json.path("count").asLong(-1));
  }
}
