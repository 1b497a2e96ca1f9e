package io.pokeapi.observability.common.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The inferred schema of the values seen at one place of an endpoint's documents (the root node is
 * the schema of the whole endpoint). Immutable and thread-safe.
 *
 * <p>Semantics, all derived from the {@link #observations() counts} so that they stay exact when
 * schemas are {@link #merge(SchemaNode) merged}:
 *
 * <ul>
 *   <li>{@link #types()}: the JSON types seen, without {@code null}. Integers and decimals seen at
 *       the same place give {@link SchemaType#NUMBER}.
 *   <li>{@link #nullable()}: {@code null} was seen. {@code null} is never a type of its own, so a
 *       field that is sometimes null has types {@code [integer]} and is nullable.
 *   <li>{@link #properties()}: every key seen in any object at this place, merged across all
 *       documents and all array elements. A property is {@link #isRequired(String) required} when
 *       it was present (possibly null) in every object seen here: its count equals this node's
 *       object count, so for nested objects it is counted relative to the parent's instances.
 *   <li>{@link #items()}: the merge of every element of every array seen here; empty while only
 *       empty arrays were seen (the element schema is unknown, see {@link ChangeType#FIELD_ADDED}).
 * </ul>
 *
 * <p>Equality compares the whole tree including the counts, so {@code merge(infer(A), infer(B))}
 * equals {@code infer(A ∪ B)} and a schema equals itself after a JSON Schema round trip ({@link
 * #toJsonSchema()}, {@link #fromJsonSchema(JsonNode)}). Properties iterate in key order.
 */
public final class SchemaNode {

  /** The schema of no document at all. */
  public static final SchemaNode EMPTY = new SchemaNode(Observations.NONE, Map.of(), null);

  private final Observations observations;
  private final Map<String, SchemaNode> properties;
  private final SchemaNode items;
  private final Set<SchemaType> types;
  private final int requiredCount;
  private int hash;

  private SchemaNode(
      Observations observations, Map<String, SchemaNode> sortedProperties, SchemaNode items) {
    this.observations = observations;
    this.properties = sortedProperties;
    this.items = items;
    this.types = Collections.unmodifiableSet(typesOf(observations));
    long objects = observations.count(ValueKind.OBJECT);
    int required = 0;
    for (SchemaNode property : sortedProperties.values()) {
      if (property.observations.total() == objects) {
        required++;
      }
    }
    this.requiredCount = required;
  }

  /**
   * A node from its parts.
   *
   * @param observations how many values of each kind were seen here
   * @param properties the property schemas; each one's total count is the number of objects seen
   *     here that had the key, so it must be between 1 and the object count
   * @param items the element schema, or {@code null} when no array element was seen
   * @throws IllegalArgumentException when the counts contradict each other
   */
  public static SchemaNode of(
      Observations observations, Map<String, SchemaNode> properties, SchemaNode items) {
    Objects.requireNonNull(observations, "observations");
    long objects = observations.count(ValueKind.OBJECT);
    properties.forEach(
        (name, property) -> {
          long present = property.observations.total();
          if (present < 1 || present > objects) {
            throw new IllegalArgumentException(
                "property '%s' seen %d times in %d objects".formatted(name, present, objects));
          }
        });
    if (items != null) {
      if (observations.count(ValueKind.ARRAY) == 0) {
        throw new IllegalArgumentException("items without any array seen");
      }
      if (items.observations.total() == 0) {
        throw new IllegalArgumentException("items schema without any element seen");
      }
    }
    return new SchemaNode(observations, sorted(properties), items);
  }

  /** Builds a node whose parts are known to be consistent (used by the inferrer). */
  static SchemaNode trusted(
      Observations observations, Map<String, SchemaNode> sortedProperties, SchemaNode items) {
    return new SchemaNode(observations, sortedProperties, items);
  }

  private static Map<String, SchemaNode> sorted(Map<String, SchemaNode> properties) {
    if (properties.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(properties)));
  }

  private static Set<SchemaType> typesOf(Observations observations) {
    Set<SchemaType> types = EnumSet.noneOf(SchemaType.class);
    if (observations.count(ValueKind.OBJECT) > 0) {
      types.add(SchemaType.OBJECT);
    }
    if (observations.count(ValueKind.ARRAY) > 0) {
      types.add(SchemaType.ARRAY);
    }
    if (observations.count(ValueKind.STRING) > 0) {
      types.add(SchemaType.STRING);
    }
    if (observations.count(ValueKind.DECIMAL) > 0) {
      types.add(SchemaType.NUMBER);
    } else if (observations.count(ValueKind.INTEGER) > 0) {
      types.add(SchemaType.INTEGER);
    }
    if (observations.count(ValueKind.BOOLEAN) > 0) {
      types.add(SchemaType.BOOLEAN);
    }
    return types;
  }

  /** How many values of each kind were seen here. */
  public Observations observations() {
    return observations;
  }

  /**
   * The JSON types seen here, {@code null} excepted; empty when only nulls (or nothing) were seen.
   */
  public Set<SchemaType> types() {
    return types;
  }

  /** Whether {@code null} was seen here. */
  public boolean nullable() {
    return observations.count(ValueKind.NULL) > 0;
  }

  /** The properties seen in the objects at this place, by key, in key order. */
  public Map<String, SchemaNode> properties() {
    return properties;
  }

  /** Whether {@code name} was present (possibly null) in every object seen at this place. */
  public boolean isRequired(String name) {
    SchemaNode property = properties.get(name);
    return property != null
        && property.observations.total() == observations.count(ValueKind.OBJECT);
  }

  /** The required property names, in key order. */
  public Set<String> required() {
    Set<String> required = new LinkedHashSet<>();
    for (String name : properties.keySet()) {
      if (isRequired(name)) {
        required.add(name);
      }
    }
    return Collections.unmodifiableSet(required);
  }

  /** The number of required properties. */
  int requiredCount() {
    return requiredCount;
  }

  /** The schema of the array elements seen here; empty while no array element was seen. */
  public Optional<SchemaNode> items() {
    return Optional.ofNullable(items);
  }

  /** The element schema or {@code null}. */
  SchemaNode itemsOrNull() {
    return items;
  }

  /**
   * Whether a value of {@code kind} keeps this node's shape: its kind was seen already (an integer
   * is also accepted where decimals were seen, since the type stays {@code number}).
   */
  boolean admits(ValueKind kind) {
    return observations.count(kind) > 0
        || (kind == ValueKind.INTEGER && observations.count(ValueKind.DECIMAL) > 0);
  }

  /**
   * The schema of the documents of both: counts add up, properties and element schemas merge
   * recursively. {@code a.merge(b)} equals the schema inferred from the documents of {@code a} and
   * {@code b} together.
   */
  public SchemaNode merge(SchemaNode other) {
    if (other.observations.total() == 0) {
      return this;
    }
    if (observations.total() == 0) {
      return other;
    }
    Map<String, SchemaNode> merged;
    if (other.properties.isEmpty()) {
      merged = properties;
    } else if (properties.isEmpty()) {
      merged = other.properties;
    } else {
      TreeMap<String, SchemaNode> union = new TreeMap<>(properties);
      other.properties.forEach((name, node) -> union.merge(name, node, SchemaNode::merge));
      merged = Collections.unmodifiableMap(new LinkedHashMap<>(union));
    }
    SchemaNode mergedItems =
        items == null ? other.items : other.items == null ? items : items.merge(other.items);
    return new SchemaNode(observations.plus(other.observations), merged, mergedItems);
  }

  /** This schema as a draft 2020-12 JSON Schema, see {@link JsonSchemaWriter}. */
  public ObjectNode toJsonSchema() {
    return JsonSchemaWriter.write(this);
  }

  /**
   * Reads a schema written by {@link #toJsonSchema()}, see {@link JsonSchemaReader}.
   *
   * @throws SchemaFormatException when the JSON Schema was not written by this library or was
   *     edited inconsistently
   */
  public static SchemaNode fromJsonSchema(JsonNode jsonSchema) {
    return JsonSchemaReader.read(jsonSchema);
  }

  /**
   * A short description of the types, such as {@code integer}, {@code object|string} or {@code
   * integer|null} when {@code withNull} is set and nulls were seen; {@code null} when only nulls
   * were seen, {@code unknown} when nothing was.
   */
  String describeTypes(boolean withNull) {
    StringBuilder text = new StringBuilder();
    for (SchemaType type : types) {
      if (!text.isEmpty()) {
        text.append('|');
      }
      text.append(type.jsonName());
    }
    if (nullable() && (withNull || types.isEmpty())) {
      if (!text.isEmpty()) {
        text.append('|');
      }
      text.append("null");
    }
    return text.isEmpty() ? "unknown" : text.toString();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof SchemaNode other
        && hashCode() == other.hashCode()
        && observations.equals(other.observations)
        && Objects.equals(items, other.items)
        && properties.equals(other.properties);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Objects.hash(observations, properties, items);
      hash = h == 0 ? 1 : h;
    }
    return hash;
  }

  /** A one-line summary; the full tree is in {@link #toJsonSchema()}. */
  @Override
  public String toString() {
    return "SchemaNode[types="
        + describeTypes(true)
        + ", observations="
        + observations
        + ", properties="
        + new TreeSet<>(properties.keySet())
        + ", items="
        + (items == null ? "unknown" : items.describeTypes(true))
        + "]";
  }
}
