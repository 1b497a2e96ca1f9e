package io.pokeapi.observability.common.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The kind of one JSON value as the inference counts it. Unlike JSON Schema's {@code type}, the
 * kinds keep an integer ({@code 3}) apart from a decimal ({@code 3.5}, {@code 3.0}, {@code 1e3}):
 * the distinction is lexical, as Jackson parsed it, so a field that has only ever carried integers
 * and now carries {@code 3.0} is reported as a type change.
 */
public enum ValueKind {
  NULL("null"),
  BOOLEAN("boolean"),
  INTEGER("integer"),
  DECIMAL("decimal"),
  STRING("string"),
  OBJECT("object"),
  ARRAY("array");

  private static final ValueKind[] VALUES = values();

  /** How many kinds there are (the length of a count array indexed by ordinal). */
  static final int COUNT = VALUES.length;

  private final String label;

  ValueKind(String label) {
    this.label = label;
  }

  /** The name used for this kind in the {@code x-observations} annotation of the JSON Schema. */
  public String label() {
    return label;
  }

  /**
   * The kind of ordinal {@code ordinal}, without the copy of the array that {@code values()} makes
   * on every call (the inference asks per schema node).
   */
  static ValueKind ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }

  /** The kind whose {@link #label()} is {@code label}, or {@code null} when there is none. */
  static ValueKind byLabel(String label) {
    for (ValueKind kind : VALUES) {
      if (kind.label.equals(label)) {
        return kind;
      }
    }
    return null;
  }

  /**
   * The kind of a parsed JSON value.
   *
   * @throws IllegalArgumentException for a missing node or a node that holds a Java object, neither
   *     of which is a JSON value
   */
  public static ValueKind of(JsonNode value) {
    return switch (value.getNodeType()) {
      case NULL -> NULL;
      case BOOLEAN -> BOOLEAN;
      case NUMBER -> value.isIntegralNumber() ? INTEGER : DECIMAL;
      case STRING, BINARY -> STRING;
      case OBJECT -> OBJECT;
      case ARRAY -> ARRAY;
      case MISSING, POJO ->
          throw new IllegalArgumentException("not a JSON value: " + value.getNodeType());
    };
  }
}
