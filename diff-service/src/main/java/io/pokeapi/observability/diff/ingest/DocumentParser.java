package io.pokeapi.observability.diff.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.pokeapi.observability.common.schema.SchemaInferrer;
import io.pokeapi.observability.common.schema.SchemaNode;
import io.pokeapi.observability.diff.drift.ShapeFingerprint;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Parses captured bodies and describes the new ones for the drift engine: the resource they belong
 * to, their shape and its fingerprint. Jackson keeps the lexical kind of numbers (an integer stays
 * apart from {@code 3.0}), so a change from integer to decimal is seen as a type change.
 */
@ApplicationScoped
public class DocumentParser {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** The parsed document of a capture, or empty when its body is not JSON. */
  public Optional<ParsedDocument> parse(Capture capture) {
    JsonNode json;
    try {
      json = MAPPER.readTree(capture.event().body());
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (json == null || json.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(describe(capture.endpoint(), capture.resourceKey(), json));
  }

  /** Parses JSON text known to be valid (for example a stored body). */
  public JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("stored body is not JSON: " + e.getMessage(), e);
    }
  }

  /** The identity, shape and fingerprint of a parsed body. */
  public ParsedDocument describe(String endpoint, String resourceKey, JsonNode json) {
    SchemaNode shape = SchemaInferrer.infer(json);
    return new ParsedDocument(
        json, ResourceIdentity.of(endpoint, resourceKey, json), shape, ShapeFingerprint.of(shape));
  }
}
