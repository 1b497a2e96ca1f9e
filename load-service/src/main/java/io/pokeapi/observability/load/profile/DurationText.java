package io.pokeapi.observability.load.profile;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as profiles write them: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, or ISO-8601
 * ({@code PT30S}). Written back in the shortest exact unit.
 */
public final class DurationText {

  private static final Pattern SIMPLE = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)");

  private DurationText() {}

  /**
   * Reads a duration.
   *
   * @throws IllegalArgumentException with a message fit for a client when the text is not one
   */
  public static Duration parse(String text) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    Matcher simple = SIMPLE.matcher(trimmed);
    if (simple.matches()) {
      long amount = Long.parseLong(simple.group(1));
      return switch (simple.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration (write e.g. 500ms, 30s, 2m, 1h or PT30S)");
    }
  }

  /** The duration in the shortest exact unit: {@code 90s}, {@code 2m}, {@code 1500ms}. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0 && millis != 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0 && millis != 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }

  /** Jackson reader of {@link #parse}. */
  public static final class Reader extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (Duration)
            context.handleUnexpectedToken(
                Duration.class,
                parser.currentToken(),
                parser,
                "a duration is a string such as \"30s\"");
      }
      try {
        return parse(parser.getText());
      } catch (IllegalArgumentException e) {
        return (Duration)
            context.handleWeirdStringValue(Duration.class, parser.getText(), e.getMessage());
      }
    }
  }

  /** Jackson writer of {@link #format}. */
  public static final class Writer extends JsonSerializer<Duration> {
    @Override
    public void serialize(Duration value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeString(format(value));
    }
  }
}
