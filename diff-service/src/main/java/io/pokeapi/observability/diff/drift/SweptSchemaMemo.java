package io.pokeapi.observability.diff.drift;

import io.pokeapi.observability.common.schema.SchemaNode;
import io.pokeapi.observability.diff.storage.StoredSchemaVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the evaluation of a full sweep parsed and merged last time, so that a sweep that saw the
 * same shapes as the one before (every unchanged sweep) does not read and merge them again.
 * Evaluating the pokemon scope of an unchanged sweep meant reading about 200 stored shape schemas,
 * parsing and merging them, and parsing two stored schema versions: about half a second inside the
 * run's evaluation transaction, on every sweep.
 *
 * <p>Both memos are exact. A shape is stored once per fingerprint and never rewritten, so the same
 * fingerprints always merge into the same schema; a parsed version is reused only while its stored
 * text is the same. One entry per scope for the swept schema, at most {@value #MAX_VERSIONS} parsed
 * versions.
 */
final class SweptSchemaMemo {

  static final int MAX_VERSIONS = 64;

  private record Swept(List<String> fingerprints, SchemaNode schema) {}

  private record Parsed(String schemaJson, SchemaNode schema) {}

  private final Map<String, Swept> swept = new ConcurrentHashMap<>();
  private final Map<String, Parsed> versions = new ConcurrentHashMap<>();

  /** The merged schema of a scope's shapes, when the last sweep merged exactly these. */
  SchemaNode sweptSchema(String scope, List<String> fingerprints) {
    Swept last = swept.get(scope);
    return last != null && last.fingerprints().equals(fingerprints) ? last.schema() : null;
  }

  /** Remembers the merged schema of a scope's shapes. */
  void rememberSwept(String scope, List<String> fingerprints, SchemaNode schema) {
    swept.put(scope, new Swept(List.copyOf(fingerprints), schema));
  }

  /** A stored schema version, parsed once while its text stays the same. */
  SchemaNode parsed(StoredSchemaVersion version) {
    String key = version.scope() + '\u0000' + version.version();
    Parsed known = versions.get(key);
    if (known != null && known.schemaJson().equals(version.schemaJson())) {
      return known.schema();
    }
    SchemaNode schema = SchemaCache.parse(version.schemaJson());
    if (versions.size() >= MAX_VERSIONS) {
      versions.clear();
    }
    versions.put(key, new Parsed(version.schemaJson(), schema));
    return schema;
  }
}
