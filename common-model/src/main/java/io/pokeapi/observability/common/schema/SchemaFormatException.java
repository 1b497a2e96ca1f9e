package io.pokeapi.observability.common.schema;

/**
 * A JSON Schema that {@link JsonSchemaReader} cannot turn back into a {@link SchemaNode}: not
 * written by {@link JsonSchemaWriter}, or edited so that its keywords contradict its counts.
 */
public class SchemaFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String schemaPath;

  public SchemaFormatException(String schemaPath, String message) {
    super((schemaPath.isEmpty() ? "at the root" : "at " + schemaPath) + ": " + message);
    this.schemaPath = schemaPath;
  }

  /** The JSON Pointer, into the JSON Schema, of the offending subschema. */
  public String schemaPath() {
    return schemaPath;
  }
}
