package io.pokeapi.observability.rpdouble.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads request times the ways the server does ({@code MultiFormatDateDeserializer}): epoch
 * milliseconds, or an ISO-8601 text such as client-java's {@code 2026-12-01T16:00:00.123456+0000}.
 */
public final class Times {

  private static final DateTimeFormatter CLIENT_MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSZ").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CLIENT_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private Times() {}

  /** The instant, or {@code null} when the field is absent or null. */
  public static Instant read(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return Instant.ofEpochMilli(value.asLong());
    }
    String text = value.asText().strip();
    if (text.isEmpty()) {
      return null;
    }
    for (DateTimeFormatter f : new DateTimeFormatter[] {CLIENT_MICROS, CLIENT_MILLIS}) {
      try {
        return f.parse(text, Instant::from);
      } catch (DateTimeParseException ignored) {
        // next format
      }
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.ofEpochMilli(Long.parseLong(text));
      } catch (NumberFormatException nfe) {
        throw RpError.incorrect(
            "Unable to parse time value '" + text + "' in field '" + field + "'");
      }
    }
  }

  /** Like {@link #read} but the field is required ({@code @NotNull}). */
  public static Instant required(JsonNode node, String field) {
    Instant t = read(node, field);
    if (t == null) {
      throw RpError.incorrect("Field '" + field + "' should not be null.");
    }
    return t;
  }
}
