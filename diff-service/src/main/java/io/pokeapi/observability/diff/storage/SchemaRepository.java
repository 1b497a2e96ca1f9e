package io.pokeapi.observability.diff.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The schema tables: document shapes ({@code schema_shapes}, {@code run_shapes}), versions of the
 * schema of each scope ({@code schema_versions}, {@code schema_heads}) and their changes ({@code
 * schema_changes}). A scope is an endpoint, or an endpoint's list pages or sub-resource ({@code
 * pokemon:list}, {@code pokemon:encounters}).
 */
@ApplicationScoped
public class SchemaRepository {

  /** A shape of a scope's documents: its fingerprint and a representative JSON Schema. */
  public record Shape(String scope, String fingerprint, String schemaJson) {}

  /** A run saw a shape in a scope. */
  public record RunShape(UUID runId, String scope, String fingerprint) {}

  /** Stores shapes not stored yet. */
  public Uni<Void> insertShapes(SqlClient client, Collection<Shape> shapes) {
    if (shapes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    String[] scopes = new String[shapes.size()];
    String[] fingerprints = new String[shapes.size()];
    String[] schemas = new String[shapes.size()];
    int i = 0;
    for (Shape shape : shapes) {
      scopes[i] = shape.scope();
      fingerprints[i] = shape.fingerprint();
      schemas[i] = shape.schemaJson();
      i++;
    }
    return client
        .preparedQuery(
            """
            INSERT INTO schema_shapes (schema_scope, fingerprint, schema)
            SELECT t.scope, t.fingerprint, t.schema::jsonb
              FROM unnest($1::text[], $2::text[], $3::text[]) AS t(scope, fingerprint, schema)
            ON CONFLICT DO NOTHING
            """)
        .execute(Tuple.of(scopes, fingerprints, schemas))
        .replaceWithVoid();
  }

  /** Records which shapes runs saw. */
  public Uni<Void> insertRunShapes(SqlClient client, Collection<RunShape> runShapes) {
    if (runShapes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    UUID[] runs = new UUID[runShapes.size()];
    String[] scopes = new String[runShapes.size()];
    String[] fingerprints = new String[runShapes.size()];
    int i = 0;
    for (RunShape runShape : runShapes) {
      runs[i] = runShape.runId();
      scopes[i] = runShape.scope();
      fingerprints[i] = runShape.fingerprint();
      i++;
    }
    return client
        .preparedQuery(
            """
            INSERT INTO run_shapes (run_id, schema_scope, fingerprint)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])
            ON CONFLICT DO NOTHING
            """)
        .execute(Tuple.of(runs, scopes, fingerprints))
        .replaceWithVoid();
  }

  /** The scopes a run saw documents of. */
  public Uni<List<String>> runScopes(SqlClient client, UUID runId) {
    return client
        .preparedQuery(
            "SELECT DISTINCT schema_scope FROM run_shapes WHERE run_id = $1 ORDER BY schema_scope")
        .execute(Tuple.of(runId))
        .map(rows -> strings(rows, "schema_scope"));
  }

  /** The fingerprints of the shapes a run saw in a scope, in order. */
  public Uni<List<String>> runShapeFingerprints(SqlClient client, UUID runId, String scope) {
    return client
        .preparedQuery(
            "SELECT fingerprint FROM run_shapes WHERE run_id = $1 AND schema_scope = $2"
                + " ORDER BY fingerprint")
        .execute(Tuple.of(runId, scope))
        .map(rows -> strings(rows, "fingerprint"));
  }

  /** The JSON Schemas of the shapes a run saw in a scope. */
  public Uni<List<String>> runShapeSchemas(SqlClient client, UUID runId, String scope) {
    return client
        .preparedQuery(
            """
            SELECT s.schema::text AS schema
              FROM run_shapes r
              JOIN schema_shapes s
                ON s.schema_scope = r.schema_scope AND s.fingerprint = r.fingerprint
             WHERE r.run_id = $1 AND r.schema_scope = $2
            """)
        .execute(Tuple.of(runId, scope))
        .map(rows -> strings(rows, "schema"));
  }

  /** Where the schemas of the given scopes stand; scopes without a baseline are left out. */
  public Uni<Map<String, SchemaHead>> heads(SqlClient client, Collection<String> scopes) {
    if (scopes.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return client
        .preparedQuery(
            "SELECT schema_scope, current_version, sweep_version FROM schema_heads"
                + " WHERE schema_scope = ANY($1)")
        .execute(Tuple.of(scopes.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, SchemaHead> heads = new HashMap<>();
              for (Row row : rows) {
                heads.put(
                    row.getString("schema_scope"),
                    new SchemaHead(
                        row.getString("schema_scope"),
                        row.getInteger("current_version"),
                        row.getInteger("sweep_version")));
              }
              return heads;
            });
  }

  /**
   * Takes the schema locks of scopes for the rest of the transaction, in a fixed order, also for
   * scopes without a schema yet (so two baselines cannot race). Whoever adds a version holds the
   * lock and reads the head after taking it.
   */
  public Uni<Void> lockScopes(SqlClient client, Collection<String> scopes) {
    if (scopes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return client
        .preparedQuery(
            """
            SELECT count(pg_advisory_xact_lock(k.key)) AS locked
              FROM (SELECT DISTINCT hashtextextended('schema/' || e, 0) AS key
                      FROM unnest($1::text[]) AS e ORDER BY 1) AS k
            """)
        .execute(Tuple.of(scopes.toArray(String[]::new)))
        .replaceWithVoid();
  }

  /** One version of a scope's schema. */
  public Uni<Optional<StoredSchemaVersion>> version(SqlClient client, String scope, int version) {
    return client
        .preparedQuery(
            """
            SELECT schema_scope, version, schema::text AS schema, origin, run_id, release_hash,
                   deploy_date, documents, created_at
              FROM schema_versions WHERE schema_scope = $1 AND version = $2
            """)
        .execute(Tuple.of(scope, version))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(storedVersion(rows)));
  }

  /** The given versions (scope to version number) that exist. */
  public Uni<List<StoredSchemaVersion>> versions(SqlClient client, Map<String, Integer> wanted) {
    if (wanted.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    String[] scopes = wanted.keySet().toArray(String[]::new);
    Integer[] versions = new Integer[scopes.length];
    for (int i = 0; i < scopes.length; i++) {
      versions[i] = wanted.get(scopes[i]);
    }
    return client
        .preparedQuery(
            """
            SELECT v.schema_scope, v.version, v.schema::text AS schema, v.origin, v.run_id,
                   v.release_hash, v.deploy_date, v.documents, v.created_at
              FROM schema_versions v
              JOIN unnest($1::text[], $2::int[]) AS w(scope, version)
                ON v.schema_scope = w.scope AND v.version = w.version
            """)
        .execute(Tuple.of(scopes, versions))
        .map(
            rows -> {
              List<StoredSchemaVersion> result = new ArrayList<>(rows.size());
              for (Row row : rows) {
                result.add(storedVersion(row));
              }
              return result;
            });
  }

  /** Records that a sweep confirmed the current version: it becomes the sweep version. */
  public Uni<Void> settleSweep(SqlClient client, String scope, int version) {
    return client
        .preparedQuery(
            "UPDATE schema_heads SET sweep_version = $2, updated_at = now()"
                + " WHERE schema_scope = $1")
        .execute(Tuple.of(scope, version))
        .replaceWithVoid();
  }

  /** Stores a version and makes it the scope's current one (and its sweep version if asked). */
  public Uni<Void> addVersion(SqlClient client, NewSchemaVersion v, boolean settlesSweep) {
    return client
        .preparedQuery(
            """
            INSERT INTO schema_versions (schema_scope, version, schema, origin, run_id,
                                         release_hash, deploy_date, documents, created_at)
            VALUES ($1, $2, $3::text::jsonb, $4, $5, $6, $7, $8, $9)
            """)
        .execute(
            Tuple.from(
                new Object[] {
                  v.scope(),
                  v.version(),
                  v.schemaJson(),
                  v.origin().code(),
                  v.runId(),
                  v.releaseHash(),
                  v.deployDate(),
                  v.documents(),
                  Timestamps.utc(v.createdAt())
                }))
        .chain(
            () ->
                client
                    .preparedQuery(
                        """
                        INSERT INTO schema_heads (schema_scope, current_version, sweep_version,
                                                  updated_at)
                        VALUES ($1, $2, $2, $3)
                        ON CONFLICT (schema_scope) DO UPDATE
                           SET current_version = EXCLUDED.current_version,
                               sweep_version = CASE WHEN $4 THEN EXCLUDED.sweep_version
                                                    ELSE schema_heads.sweep_version END,
                               updated_at = EXCLUDED.updated_at
                        """)
                    .execute(
                        Tuple.of(
                            v.scope(), v.version(), Timestamps.utc(v.createdAt()), settlesSweep)))
        .replaceWithVoid();
  }

  /**
   * Stores changes; one already stored for the same version, type and path is skipped.
   *
   * @return for each change in order, its new id, or {@code null} when it was already stored
   */
  public Uni<List<Long>> insertChanges(SqlClient client, List<NewSchemaChange> changes) {
    if (changes.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    List<Tuple> tuples = new ArrayList<>(changes.size());
    for (NewSchemaChange c : changes) {
      tuples.add(
          Tuple.from(
              new Object[] {
                c.scope(),
                c.schemaVersion(),
                c.changeType(),
                c.path(),
                c.oldValue(),
                c.newValue(),
                c.breaking(),
                c.resourceKey(),
                c.resourceId(),
                c.runId(),
                c.releaseHash(),
                c.deployDate(),
                Timestamps.utc(c.detectedAt())
              }));
    }
    return client
        .preparedQuery(
            """
            INSERT INTO schema_changes (schema_scope, schema_version, change_type, path,
                                        old_value, new_value, breaking, resource_key, resource_id,
                                        run_id, release_hash, deploy_date, detected_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            ON CONFLICT ON CONSTRAINT schema_changes_once DO NOTHING
            RETURNING id
            """)
        .executeBatch(tuples)
        .map(
            first -> {
              List<Long> ids = new ArrayList<>(changes.size());
              for (RowSet<Row> rows = first; rows != null; rows = rows.next()) {
                ids.add(rows.size() == 0 ? null : rows.iterator().next().getLong("id"));
              }
              return ids;
            });
  }

  /** The {@code type path} pairs of the changes recorded after version {@code afterVersion}. */
  public Uni<Set<String>> changesAfter(SqlClient client, String scope, int afterVersion) {
    return client
        .preparedQuery(
            "SELECT change_type, path FROM schema_changes"
                + " WHERE schema_scope = $1 AND schema_version > $2")
        .execute(Tuple.of(scope, afterVersion))
        .map(
            rows -> {
              Set<String> keys = new HashSet<>();
              for (Row row : rows) {
                keys.add(changeKey(row.getString("change_type"), row.getString("path")));
              }
              return keys;
            });
  }

  /** The key {@link #changesAfter} uses for a change. */
  public static String changeKey(String changeType, String path) {
    return changeType + " " + path;
  }

  static StoredSchemaVersion storedVersion(RowSet<Row> rows) {
    Row row = rows.iterator().next();
    return storedVersion(row);
  }

  static StoredSchemaVersion storedVersion(Row row) {
    return new StoredSchemaVersion(
        row.getString("schema_scope"),
        row.getInteger("version"),
        row.getString("schema"),
        SchemaOrigin.ofCode(row.getString("origin")),
        row.getUUID("run_id"),
        row.getString("release_hash"),
        row.getString("deploy_date"),
        row.getLong("documents"),
        Timestamps.instant(row.getOffsetDateTime("created_at")));
  }

  private static List<String> strings(RowSet<Row> rows, String column) {
    List<String> values = new ArrayList<>(rows.size());
    for (Row row : rows) {
      values.add(row.getString(column));
    }
    return values;
  }
}
