package io.pokeapi.observability.common.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads back a JSON Schema written by {@link JsonSchemaWriter} (for example one stored in
 * PostgreSQL): {@code read(JsonSchemaWriter.write(s))} equals {@code s}. Key order does not matter
 * (jsonb reorders keys). The counts in {@code x-observations} are the source of truth; {@code
 * type}, {@code required} and the presence of {@code properties} and {@code items} are checked
 * against them, so a schema edited by hand into an inconsistent state is rejected rather than
 * silently reinterpreted. Other keywords ({@code $comment}, {@code description}, ...) are ignored.
 */
public final class JsonSchemaReader {

  private JsonSchemaReader() {}

  /**
   * The schema described by {@code jsonSchema}.
   *
   * @throws SchemaFormatException when it was not written by {@link JsonSchemaWriter} or its
   *     keywords contradict its counts
   */
  public static SchemaNode read(JsonNode jsonSchema) {
    return read(jsonSchema, "");
  }

  private static SchemaNode read(JsonNode json, String at) {
    if (json == null || !json.isObject()) {
      throw new SchemaFormatException(at, "a subschema must be a JSON object");
    }
    Observations observations =
        readObservations(json.get(JsonSchemaWriter.OBSERVATIONS_KEYWORD), at);
    Map<String, SchemaNode> properties = new HashMap<>();
    JsonNode propertiesJson = json.get("properties");
    if (propertiesJson != null) {
      if (!propertiesJson.isObject()) {
        throw new SchemaFormatException(at + "/properties", "must be an object");
      }
      for (Map.Entry<String, JsonNode> property : propertiesJson.properties()) {
        properties.put(
            property.getKey(),
            read(property.getValue(), at + "/properties/" + SchemaPaths.escape(property.getKey())));
      }
    }
    JsonNode itemsJson = json.get("items");
    SchemaNode items = itemsJson == null ? null : read(itemsJson, at + "/items");
    SchemaNode node;
    try {
      node = SchemaNode.of(observations, properties, items);
    } catch (IllegalArgumentException e) {
      throw new SchemaFormatException(at, e.getMessage());
    }
    checkType(json.get("type"), node, at);
    checkRequired(json.get("required"), node, at);
    return node;
  }

  private static Observations readObservations(JsonNode json, String at) {
    if (json == null) {
      throw new SchemaFormatException(
          at, "no " + JsonSchemaWriter.OBSERVATIONS_KEYWORD + ": not written by JsonSchemaWriter");
    }
    if (!json.isObject()) {
      throw new SchemaFormatException(at, JsonSchemaWriter.OBSERVATIONS_KEYWORD + " not an object");
    }
    Map<ValueKind, Long> counts = new EnumMap<>(ValueKind.class);
    for (Map.Entry<String, JsonNode> entry : json.properties()) {
      ValueKind kind = ValueKind.byLabel(entry.getKey());
      JsonNode count = entry.getValue();
      if (kind == null) {
        throw new SchemaFormatException(at, "unknown value kind '" + entry.getKey() + "'");
      }
      if (!count.isIntegralNumber() || !count.canConvertToLong() || count.asLong() < 0) {
        throw new SchemaFormatException(
            at, "count of " + entry.getKey() + " must be a non-negative integer: " + count);
      }
      counts.put(kind, count.asLong());
    }
    return Observations.of(counts);
  }

  private static void checkType(JsonNode typeJson, SchemaNode node, String at) {
    Set<SchemaType> types = EnumSet.noneOf(SchemaType.class);
    boolean nullable = false;
    if (typeJson != null) {
      Iterable<JsonNode> names = typeJson.isArray() ? typeJson : Set.of(typeJson);
      for (JsonNode name : names) {
        if (!name.isTextual()) {
          throw new SchemaFormatException(at, "type names must be strings: " + typeJson);
        }
        if (name.asText().equals("null")) {
          nullable = true;
          continue;
        }
        SchemaType type = SchemaType.byJsonName(name.asText());
        if (type == null) {
          throw new SchemaFormatException(at, "unknown type '" + name.asText() + "'");
        }
        types.add(type);
      }
    }
    if (!types.equals(node.types()) || nullable != node.nullable()) {
      throw new SchemaFormatException(
          at,
          "type %s contradicts the observed counts %s (types %s)"
              .formatted(typeJson, node.observations(), node.describeTypes(true)));
    }
  }

  private static void checkRequired(JsonNode requiredJson, SchemaNode node, String at) {
    Set<String> required = new LinkedHashSet<>();
    if (requiredJson != null) {
      if (!requiredJson.isArray()) {
        throw new SchemaFormatException(at + "/required", "must be an array");
      }
      requiredJson.forEach(name -> required.add(name.asText()));
    }
    if (!required.equals(node.required())) {
      throw new SchemaFormatException(
          at + "/required",
          "%s contradicts the observed counts (required by the counts: %s)"
              .formatted(required, node.required()));
    }
  }
}
