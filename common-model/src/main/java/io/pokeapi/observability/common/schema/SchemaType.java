package io.pokeapi.observability.common.schema;

/**
 * A JSON Schema {@code type} other than {@code null} (nullability is kept apart, see {@link
 * SchemaNode#nullable()}). {@link #NUMBER} stands for "decimals were seen" (possibly with integers
 * too); a node that only ever saw integers has type {@link #INTEGER}.
 */
public enum SchemaType {
  OBJECT("object"),
  ARRAY("array"),
  STRING("string"),
  INTEGER("integer"),
  NUMBER("number"),
  BOOLEAN("boolean");

  private final String jsonName;

  SchemaType(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name of this type in a JSON Schema {@code type} keyword. */
  public String jsonName() {
    return jsonName;
  }

  /**
   * Whether a consumer written for this type also accepts values of {@code other}: every type
   * accepts itself, and {@link #NUMBER} accepts {@link #INTEGER}.
   */
  public boolean accepts(SchemaType other) {
    return this == other || (this == NUMBER && other == INTEGER);
  }

  /** The type whose {@link #jsonName()} is {@code name}, or {@code null} when there is none. */
  static SchemaType byJsonName(String name) {
    for (SchemaType type : values()) {
      if (type.jsonName.equals(name)) {
        return type;
      }
    }
    return null;
  }
}
