package io.pokeapi.observability.diff.storage;

import java.util.Locale;

/** What made a schema version. */
public enum SchemaOrigin {
  /** The first full sweep of the endpoint. */
  BASELINE,
  /** A document showed a shape the schema did not allow (a new field, type or null). */
  DOCUMENT,
  /** A later full sweep settled the shape (for example a field gone from every document). */
  SWEEP;

  /** The value stored in {@code schema_versions.origin}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The origin stored as {@code code}. */
  public static SchemaOrigin ofCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
