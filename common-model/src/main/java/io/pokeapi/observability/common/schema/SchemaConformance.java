package io.pokeapi.observability.common.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The drift check of one document against its endpoint's schema. Stateless and thread-safe.
 *
 * <p>{@link #check} returns exactly the changes the document would bring to the schema: {@code
 * check(schema, doc)} equals {@code SchemaDiff.diff(schema, schema.merge(infer(doc)))}. So a new
 * key is {@link ChangeType#FIELD_ADDED}, a value of a type never seen there is {@link
 * ChangeType#TYPE_CHANGED} (a decimal where only integers were seen included), {@code null} where
 * it was never seen is {@link ChangeType#BECAME_NULLABLE}, a missing required key is {@link
 * ChangeType#BECAME_OPTIONAL}, and elements in an array that was only ever seen empty are {@link
 * ChangeType#FIELD_ADDED} at {@code <array>/*} (not breaking). A document that conforms yields an
 * empty list; a document of an endpoint never yields a change against the schema inferred from a
 * set of documents that includes it.
 *
 * <p>Conforming documents, the usual case, are checked in one allocation-free walk; only a
 * non-conforming document pays for inferring its own schema and diffing.
 */
public final class SchemaConformance {

  private SchemaConformance() {}

  /** The changes {@code document} would introduce into {@code schema}; empty when it conforms. */
  public static List<SchemaChange> check(SchemaNode schema, JsonNode document) {
    if (conforms(schema, document)) {
      return List.of();
    }
    return SchemaDiff.diff(schema, schema.merge(SchemaInferrer.infer(document)));
  }

  /** Whether {@code document} conforms, that is {@link #check} would return no change. */
  public static boolean conforms(SchemaNode schema, JsonNode document) {
    ValueKind kind = ValueKind.of(document);
    if (!schema.admits(kind)) {
      return false;
    }
    if (kind == ValueKind.OBJECT) {
      return objectConforms(schema, document);
    }
    if (kind == ValueKind.ARRAY) {
      return arrayConforms(schema, document);
    }
    return true;
  }

  private static boolean objectConforms(SchemaNode schema, JsonNode object) {
    Map<String, SchemaNode> properties = schema.properties();
    long objects = schema.observations().count(ValueKind.OBJECT);
    int requiredSeen = 0;
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      SchemaNode property = properties.get(field.getKey());
      if (property == null || !conforms(property, field.getValue())) {
        return false;
      }
      if (property.observations().total() == objects) {
        requiredSeen++;
      }
    }
    return requiredSeen == schema.requiredCount();
  }

  private static boolean arrayConforms(SchemaNode schema, JsonNode array) {
    int size = array.size();
    if (size == 0) {
      return true;
    }
    SchemaNode items = schema.itemsOrNull();
    if (items == null) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (!conforms(items, array.get(i))) {
        return false;
      }
    }
    return true;
  }
}
