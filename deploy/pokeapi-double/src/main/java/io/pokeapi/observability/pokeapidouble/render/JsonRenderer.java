package io.pokeapi.observability.pokeapidouble.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.pokeapi.observability.pokeapidouble.data.SourceFile;
import io.pokeapi.observability.pokeapidouble.live.JsNumbers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns a stored api-data file into the bytes pokeapi.co sends for it: minified as {@code
 * JSON.stringify} writes it (non-ASCII as UTF-8, not {@code \\u} escapes; numbers as JavaScript
 * prints them), with every string that starts with {@code /api/v2} or {@code /schema/v2} made
 * absolute by prefixing the base URL, as PokeAPI's ditto {@code transform} does before deploying.
 */
public final class JsonRenderer {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final double MAX_SAFE_INTEGER = 9007199254740991d;

  private JsonRenderer() {}

  /** The whole document, rendered for {@code baseUrl} (no trailing slash). */
  public static byte[] document(SourceFile source, String baseUrl) {
    ByteSink out = new ByteSink(source.storedSize() * 2);
    try (InputStream in = source.open();
        JsonParser parser = FACTORY.createParser(in);
        JsonGenerator generator = FACTORY.createGenerator(out)) {
      if (parser.nextToken() == null) {
        throw new JsonParseException(parser, "empty document");
      }
      copyValue(parser, generator, baseUrl);
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "more than one JSON value");
      }
    } catch (IOException e) {
      throw new RenderException("cannot render " + source + ": " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** The entries and count of a list-shaped file, rendered for {@code baseUrl}. */
  static ListEntries listEntries(SourceFile source, String baseUrl) {
    ByteSink out = new ByteSink(source.storedSize() * 2);
    int[] starts = new int[64];
    int[] ends = new int[64];
    int count = 0;
    String countJson = "null";
    double countValue = Double.NaN;
    try (InputStream in = source.open();
        JsonParser parser = FACTORY.createParser(in);
        JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.setRootValueSeparator(null);
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new JsonParseException(parser, "a list file must be a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("results".equals(field) && value == JsonToken.START_ARRAY) {
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            generator.flush();
            if (count > 0) {
              out.write(',');
            }
            if (count == starts.length) {
              starts = Arrays.copyOf(starts, count * 2);
              ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = out.size();
            copyValue(parser, generator, baseUrl);
            generator.flush();
            ends[count++] = out.size();
          }
        } else if ("count".equals(field)) {
          countValue = jsComparable(parser);
          countJson = new String(valueBytes(parser, baseUrl), StandardCharsets.UTF_8);
        } else {
          parser.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new RenderException("cannot render " + source + ": " + e.getMessage(), e);
    }
    return new ListEntries(
        out.toByteArray(),
        Arrays.copyOf(starts, count),
        Arrays.copyOf(ends, count),
        countJson,
        countValue);
  }

  private static byte[] valueBytes(JsonParser parser, String baseUrl) throws IOException {
    ByteSink out = new ByteSink(32);
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      copyValue(parser, generator, baseUrl);
    }
    return out.toByteArray();
  }

  /** What {@code end > count} in JavaScript compares against, for the common value types. */
  private static double jsComparable(JsonParser parser) throws IOException {
    return switch (parser.currentToken()) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_NULL, VALUE_FALSE -> 0;
      case VALUE_TRUE -> 1;
      case VALUE_STRING -> {
        String text = parser.getText().strip();
        try {
          yield text.isEmpty() ? 0 : Double.parseDouble(text);
        } catch (NumberFormatException e) {
          yield Double.NaN;
        }
      }
      default -> Double.NaN;
    };
  }

  /** Copies the value the parser is on, token by token, rewriting relative API URLs. */
  static void copyValue(JsonParser parser, JsonGenerator generator, String baseUrl)
      throws IOException {
    int depth = 0;
    JsonToken token = parser.currentToken();
    while (true) {
      switch (token) {
        case START_OBJECT -> {
          generator.writeStartObject();
          depth++;
        }
        case START_ARRAY -> {
          generator.writeStartArray();
          depth++;
        }
        case END_OBJECT -> {
          generator.writeEndObject();
          depth--;
        }
        case END_ARRAY -> {
          generator.writeEndArray();
          depth--;
        }
        case FIELD_NAME -> generator.writeFieldName(parser.currentName());
        case VALUE_STRING -> writeString(parser.getText(), generator, baseUrl);
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> writeNumber(parser, generator);
        case VALUE_TRUE -> generator.writeBoolean(true);
        case VALUE_FALSE -> generator.writeBoolean(false);
        case VALUE_NULL -> generator.writeNull();
        default -> throw new JsonParseException(parser, "unexpected token " + token);
      }
      if (depth == 0) {
        return;
      }
      token = parser.nextToken();
      if (token == null) {
        throw new JsonParseException(parser, "unexpected end of input");
      }
    }
  }

  private static void writeString(String text, JsonGenerator generator, String baseUrl)
      throws IOException {
    generator.writeString(isRelativeApiUrl(text) ? baseUrl + text : text);
  }

  /** The strings ditto's {@code apply_base_url} rewrites. */
  static boolean isRelativeApiUrl(String text) {
    return text.startsWith("/api/v2") || text.startsWith("/schema/v2");
  }

  private static void writeNumber(JsonParser parser, JsonGenerator generator) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      long value = parser.getLongValue();
      if (Math.abs((double) value) <= MAX_SAFE_INTEGER) {
        generator.writeNumber(value);
        return;
      }
    }
    double value = parser.getDoubleValue();
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      generator.writeNull();
    } else {
      generator.writeNumber(JsNumbers.toJsString(value));
    }
  }
}
