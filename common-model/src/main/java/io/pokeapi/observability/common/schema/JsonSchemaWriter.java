package io.pokeapi.observability.common.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link SchemaNode} as a JSON Schema (draft 2020-12) that users and standard validators
 * can read, and that {@link JsonSchemaReader} reads back into an equal {@link SchemaNode}.
 *
 * <p>Each subschema has:
 *
 * <ul>
 *   <li>{@code type}: a string, or an array ending in {@code "null"} when the place is nullable
 *       ({@code ["integer", "null"]}); omitted only for a schema of no document;
 *   <li>{@code x-observations}: an annotation with the number of values seen per {@link ValueKind}
 *       ({@code {"integer": 1302, "null": 49}}). It keeps the inference exact after a reload:
 *       required-ness and merging are computed from it. Validators ignore it (2020-12 treats
 *       unknown keywords as annotations);
 *   <li>for objects: {@code properties}, {@code required} (present, possibly null, in every object
 *       seen) and {@code additionalProperties: false}, so a validator rejects a key never seen, as
 *       {@link SchemaConformance} reports it;
 *   <li>for arrays: {@code items}, omitted while only empty arrays were seen (any element then
 *       validates).
 * </ul>
 *
 * <p>The root also has {@code $schema} and a {@code $comment}. Keys are written in a fixed order
 * and properties in key order, so equal schemas give equal text.
 */
public final class JsonSchemaWriter {

  /** The {@code $schema} of the written schemas. */
  public static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

  /** The annotation keyword holding the counts. */
  public static final String OBSERVATIONS_KEYWORD = "x-observations";

  private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

  private JsonSchemaWriter() {}

  /** The JSON Schema of {@code schema}, a new tree the caller owns. */
  public static ObjectNode write(SchemaNode schema) {
    ObjectNode root = FACTORY.objectNode();
    root.put("$schema", DRAFT_2020_12);
    root.put(
        "$comment",
        "Inferred from observed documents; "
            + OBSERVATIONS_KEYWORD
            + " counts the values seen per kind at each place");
    writeInto(schema, root);
    return root;
  }

  private static void writeInto(SchemaNode node, ObjectNode out) {
    Set<SchemaType> types = node.types();
    int typeCount = types.size() + (node.nullable() ? 1 : 0);
    if (typeCount == 1) {
      out.put("type", types.isEmpty() ? "null" : types.iterator().next().jsonName());
    } else if (typeCount > 1) {
      ArrayNode typeArray = out.putArray("type");
      types.forEach(type -> typeArray.add(type.jsonName()));
      if (node.nullable()) {
        typeArray.add("null");
      }
    }
    ObjectNode counts = out.putObject(OBSERVATIONS_KEYWORD);
    node.observations()
        .asMap()
        .forEach(
            (kind, count) -> {
              // as small a number node as a parser would make, so the tree equals its parsed text
              if (count <= Integer.MAX_VALUE) {
                counts.put(kind.label(), count.intValue());
              } else {
                counts.put(kind.label(), count);
              }
            });
    if (types.contains(SchemaType.OBJECT)) {
      ObjectNode properties = out.putObject("properties");
      for (Map.Entry<String, SchemaNode> property : node.properties().entrySet()) {
        writeInto(property.getValue(), properties.putObject(property.getKey()));
      }
      ArrayNode required = out.putArray("required");
      node.required().forEach(required::add);
      out.put("additionalProperties", false);
    }
    node.items().ifPresent(items -> writeInto(items, out.putObject("items")));
  }
}
