package io.pokeapi.observability.common.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Infers the schema of an endpoint from its documents, one document at a time.
 *
 * <p>Every value of every document is counted: all array elements (not only the first) and all
 * resources merge into one schema, {@code null} makes a node nullable instead of adding a type, a
 * key absent from some objects makes that property optional, and integers stay apart from decimals
 * until both are seen (then the type is {@code number}). See {@link SchemaNode} for the exact
 * semantics.
 *
 * <p>Memory is bounded by the size of the schema (one counter set per distinct path), never by the
 * number of documents; a document is walked once. The result does not depend on the order in which
 * the documents are added.
 *
 * <p>Not thread-safe: use one inferrer per thread (or guard it), and share the immutable {@link
 * #schema()} snapshots.
 */
public final class SchemaInferrer {

  private final MutableNode root = new MutableNode();
  private long documents;

  /** An inferrer that has seen no document yet. */
  public SchemaInferrer() {}

  /** An inferrer that continues from a schema inferred earlier (for example one reloaded). */
  public SchemaInferrer(SchemaNode start) {
    add(start);
  }

  /** The schema of one document. */
  public static SchemaNode infer(JsonNode document) {
    return new SchemaInferrer().add(document).schema();
  }

  /** The schema of all the documents. */
  public static SchemaNode infer(Iterable<? extends JsonNode> documents) {
    SchemaInferrer inferrer = new SchemaInferrer();
    for (JsonNode document : documents) {
      inferrer.add(document);
    }
    return inferrer.schema();
  }

  /**
   * Counts one more document.
   *
   * @throws IllegalArgumentException when the node is not a JSON value (missing or POJO node)
   */
  public SchemaInferrer add(JsonNode document) {
    root.add(document);
    documents++;
    return this;
  }

  /** Merges a schema inferred elsewhere, as if its documents had been added here. */
  public SchemaInferrer add(SchemaNode schema) {
    root.add(schema);
    documents += schema.observations().total();
    return this;
  }

  /** How many documents the current schema describes. */
  public long documentCount() {
    return documents;
  }

  /** An immutable snapshot of the schema of the documents added so far. */
  public SchemaNode schema() {
    return root.freeze();
  }

  /** The mutable counterpart of {@link SchemaNode}. */
  private static final class MutableNode {
    private final long[] counts = new long[ValueKind.COUNT];
    private Map<String, MutableNode> properties;
    private MutableNode items;

    void add(JsonNode value) {
      ValueKind kind = ValueKind.of(value);
      counts[kind.ordinal()]++;
      if (kind == ValueKind.OBJECT) {
        if (value.isEmpty()) {
          return;
        }
        if (properties == null) {
          properties = new HashMap<>();
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
          MutableNode property = properties.get(field.getKey());
          if (property == null) {
            property = new MutableNode();
            properties.put(field.getKey(), property);
          }
          property.add(field.getValue());
        }
      } else if (kind == ValueKind.ARRAY) {
        int size = value.size();
        if (size == 0) {
          return;
        }
        if (items == null) {
          items = new MutableNode();
        }
        for (int i = 0; i < size; i++) {
          items.add(value.get(i));
        }
      }
    }

    void add(SchemaNode schema) {
      Observations observations = schema.observations();
      for (int i = 0; i < ValueKind.COUNT; i++) {
        counts[i] += observations.count(ValueKind.ofOrdinal(i));
      }
      if (!schema.properties().isEmpty()) {
        if (properties == null) {
          properties = new HashMap<>();
        }
        schema
            .properties()
            .forEach(
                (name, property) ->
                    properties.computeIfAbsent(name, k -> new MutableNode()).add(property));
      }
      SchemaNode schemaItems = schema.itemsOrNull();
      if (schemaItems != null) {
        if (items == null) {
          items = new MutableNode();
        }
        items.add(schemaItems);
      }
    }

    SchemaNode freeze() {
      Map<String, SchemaNode> frozen;
      if (properties == null || properties.isEmpty()) {
        frozen = Map.of();
      } else {
        Map<String, SchemaNode> sorted = new LinkedHashMap<>();
        new TreeMap<>(properties).forEach((name, node) -> sorted.put(name, node.freeze()));
        frozen = Collections.unmodifiableMap(sorted);
      }
      return SchemaNode.trusted(
          Observations.ofArray(counts), frozen, items == null ? null : items.freeze());
    }
  }
}
