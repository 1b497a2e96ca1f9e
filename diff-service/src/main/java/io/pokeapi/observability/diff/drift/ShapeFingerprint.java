package io.pokeapi.observability.diff.drift;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.schema.SchemaNode;
import io.pokeapi.observability.common.schema.SchemaType;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The fingerprint of a document's shape: its inferred schema without the counts (types,
 * nullability, property names, which properties are present in every object, element shapes).
 *
 * <p>Two documents with the same fingerprint contribute exactly the same shape to a merged schema
 * (merging decides required-ness, types and nullability from the shape alone), so the schema of a
 * whole run can be rebuilt from one stored representative per fingerprint, and an unchanged body
 * never has to be parsed again.
 */
public final class ShapeFingerprint {

  private ShapeFingerprint() {}

  /** The lower-case hex SHA-256 of the canonical, count-free text of {@code schema}. */
  public static String of(SchemaNode schema) {
    StringBuilder text = new StringBuilder(256);
    write(schema, text);
    return ApiResponseCaptured.sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void write(SchemaNode node, StringBuilder out) {
    out.append('(');
    for (SchemaType type : node.types()) {
      out.append(type.jsonName()).append(',');
    }
    if (node.nullable()) {
      out.append("null,");
    }
    if (!node.properties().isEmpty()) {
      out.append('{');
      for (Map.Entry<String, SchemaNode> property : node.properties().entrySet()) {
        quote(property.getKey(), out);
        out.append(node.isRequired(property.getKey()) ? '!' : '?');
        write(property.getValue(), out);
      }
      out.append('}');
    }
    node.items()
        .ifPresent(
            items -> {
              out.append('[');
              write(items, out);
              out.append(']');
            });
    out.append(')');
  }

  private static void quote(String name, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append('"');
  }
}
