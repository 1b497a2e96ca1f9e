package io.pokeapi.observability.diff.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.schema.JsonSchemaReader;
import io.pokeapi.observability.common.schema.SchemaNode;
import io.pokeapi.observability.diff.storage.SchemaHead;
import io.pokeapi.observability.diff.storage.SchemaRepository;
import io.pokeapi.observability.diff.storage.StoredSchemaVersion;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current schema of each scope, parsed once per version. Each lookup asks the database for the
 * current version numbers (a small query) and reads a schema only when its version moved. Stored
 * versions read elsewhere (the settled and current versions a sweep is compared with) are parsed
 * through {@link #parsed(StoredSchemaVersion)}, once while their text stays the same.
 */
@ApplicationScoped
public class SchemaCache {

  /**
   * The current schema of a scope.
   *
   * @param scope the schema scope
   * @param version the current version
   * @param sweepVersion the version the last full sweep settled
   * @param documents the documents the version describes
   * @param schema the parsed schema
   */
  public record CurrentSchema(
      String scope, int version, int sweepVersion, long documents, SchemaNode schema) {}

  /** At most this many parsed versions are kept by {@link #parsed(StoredSchemaVersion)}. */
  static final int MAX_PARSED_VERSIONS = 64;

  private record ParsedVersion(String schemaJson, SchemaNode schema) {}

  private final SchemaRepository repository;
  private final Map<String, CurrentSchema> cache = new ConcurrentHashMap<>();
  private final Map<String, ParsedVersion> parsedVersions = new ConcurrentHashMap<>();

  public SchemaCache(SchemaRepository repository) {
    this.repository = repository;
  }

  /** The current schemas of the scopes that have one, by scope. */
  public Uni<Map<String, CurrentSchema>> current(SqlClient client, Collection<String> scopes) {
    return repository
        .heads(client, scopes)
        .chain(
            heads -> {
              Map<String, CurrentSchema> result = new HashMap<>();
              Map<String, Integer> toLoad = new HashMap<>();
              for (SchemaHead head : heads.values()) {
                CurrentSchema cached = cache.get(head.scope());
                if (cached != null && cached.version() == head.currentVersion()) {
                  result.put(
                      head.scope(),
                      cached.sweepVersion() == head.sweepVersion()
                          ? cached
                          : new CurrentSchema(
                              cached.scope(),
                              cached.version(),
                              head.sweepVersion(),
                              cached.documents(),
                              cached.schema()));
                } else {
                  toLoad.put(head.scope(), head.currentVersion());
                }
              }
              return repository
                  .versions(client, toLoad)
                  .map(
                      loaded -> {
                        for (StoredSchemaVersion version : loaded) {
                          CurrentSchema schema =
                              new CurrentSchema(
                                  version.scope(),
                                  version.version(),
                                  heads.get(version.scope()).sweepVersion(),
                                  version.documents(),
                                  parsed(version));
                          cache.put(version.scope(), schema);
                          result.put(version.scope(), schema);
                        }
                        return result;
                      });
            });
  }

  /** Forgets everything (for example after the schema tables were emptied). */
  public void clear() {
    cache.clear();
    parsedVersions.clear();
  }

  /**
   * A stored schema version, parsed once while its stored text stays the same (at most {@value
   * #MAX_PARSED_VERSIONS} kept, then it starts over).
   */
  public SchemaNode parsed(StoredSchemaVersion version) {
    String key = version.scope() + '\u0000' + version.version();
    ParsedVersion known = parsedVersions.get(key);
    if (known != null && known.schemaJson().equals(version.schemaJson())) {
      return known.schema();
    }
    SchemaNode schema = parse(version.schemaJson());
    if (parsedVersions.size() >= MAX_PARSED_VERSIONS) {
      parsedVersions.clear();
    }
    parsedVersions.put(key, new ParsedVersion(version.schemaJson(), schema));
    return schema;
  }

  /** Parses a stored JSON Schema. */
  public static SchemaNode parse(String schemaJson) {
    try {
      return JsonSchemaReader.read(EventJson.mapper().readTree(schemaJson));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored schema is not JSON: " + e.getMessage(), e);
    }
  }
}
