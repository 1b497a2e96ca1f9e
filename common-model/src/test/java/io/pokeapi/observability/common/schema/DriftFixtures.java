package io.pokeapi.observability.common.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The small hand-written documents under {@code src/test/resources/drift}. */
public final class DriftFixtures {

  public static final ObjectMapper MAPPER = new ObjectMapper();

  private DriftFixtures() {}

  /** The parsed fixture {@code drift/<name>}. */
  public static JsonNode load(String name) {
    try (InputStream in = DriftFixtures.class.getResourceAsStream("/drift/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture drift/" + name);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A document from inline JSON. */
  public static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
