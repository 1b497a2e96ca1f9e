package io.pokeapi.observability.diff.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read queries over the schemas of the scopes, for the REST API. */
@ApplicationScoped
public class SchemaQueries {

  /**
   * A scope with a schema.
   *
   * @param scope the schema scope ({@code pokemon}, {@code pokemon:list}, ...)
   * @param currentVersion the current version
   * @param sweepVersion the version the last full sweep settled
   * @param updatedAt when the head last moved
   */
  public record ScopeSummary(
      String scope, int currentVersion, int sweepVersion, Instant updatedAt) {}

  /**
   * A schema version without its schema.
   *
   * @param scope the schema scope
   * @param version the version
   * @param origin baseline, document or sweep
   * @param runId the run that made it
   * @param releaseHash the release hash seen with it
   * @param deployDate the deploy date seen with it
   * @param documents the documents it was settled from (or describes)
   * @param createdAt when it was made
   * @param changes how many changes it recorded
   */
  public record VersionSummary(
      String scope,
      int version,
      String origin,
      UUID runId,
      String releaseHash,
      String deployDate,
      long documents,
      Instant createdAt,
      long changes) {}

  /** A page of the scopes that have a schema, in name order. */
  public Uni<List<ScopeSummary>> scopes(SqlClient client, int offset, int limit) {
    return client
        .preparedQuery(
            "SELECT schema_scope, current_version, sweep_version, updated_at FROM schema_heads"
                + " ORDER BY schema_scope OFFSET $1 LIMIT $2")
        .execute(Tuple.of(offset, limit))
        .map(
            rows -> {
              List<ScopeSummary> result = new ArrayList<>(rows.size());
              for (Row row : rows) {
                result.add(
                    new ScopeSummary(
                        row.getString("schema_scope"),
                        row.getInteger("current_version"),
                        row.getInteger("sweep_version"),
                        Timestamps.instant(row.getOffsetDateTime("updated_at"))));
              }
              return result;
            });
  }

  /** Where a scope's schema stands, if it has one. */
  public Uni<Optional<ScopeSummary>> scope(SqlClient client, String scope) {
    return client
        .preparedQuery(
            "SELECT schema_scope, current_version, sweep_version, updated_at FROM schema_heads"
                + " WHERE schema_scope = $1")
        .execute(Tuple.of(scope))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return Optional.empty();
              }
              Row row = rows.iterator().next();
              return Optional.of(
                  new ScopeSummary(
                      row.getString("schema_scope"),
                      row.getInteger("current_version"),
                      row.getInteger("sweep_version"),
                      Timestamps.instant(row.getOffsetDateTime("updated_at"))));
            });
  }

  /** A page of a scope's versions, newest first. */
  public Uni<List<VersionSummary>> versions(SqlClient client, String scope, int offset, int limit) {
    return client
        .preparedQuery(
            """
            SELECT v.schema_scope, v.version, v.origin, v.run_id, v.release_hash, v.deploy_date,
                   v.documents, v.created_at,
                   (SELECT count(*) FROM schema_changes c
                     WHERE c.schema_scope = v.schema_scope AND c.schema_version = v.version)
                       AS changes
              FROM schema_versions v
             WHERE v.schema_scope = $1
             ORDER BY v.version DESC OFFSET $2 LIMIT $3
            """)
        .execute(Tuple.of(scope, offset, limit))
        .map(SchemaQueries::summaries);
  }

  /** The changes a version recorded, in path order. */
  public Uni<List<SchemaChangeView>> changesOf(SqlClient client, String scope, int version) {
    return client
        .preparedQuery(
            "SELECT "
                + SchemaChangeView.COLUMNS
                + " FROM schema_changes WHERE schema_scope = $1 AND schema_version = $2"
                + " ORDER BY path, change_type")
        .execute(Tuple.of(scope, version))
        .map(SchemaChangeView::all);
  }

  /** One schema change. */
  public Uni<Optional<SchemaChangeView>> change(SqlClient client, long id) {
    return client
        .preparedQuery("SELECT " + SchemaChangeView.COLUMNS + " FROM schema_changes WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> SchemaChangeView.all(rows).stream().findFirst());
  }

  private static List<VersionSummary> summaries(RowSet<Row> rows) {
    List<VersionSummary> result = new ArrayList<>(rows.size());
    for (Row row : rows) {
      result.add(
          new VersionSummary(
              row.getString("schema_scope"),
              row.getInteger("version"),
              row.getString("origin"),
              row.getUUID("run_id"),
              row.getString("release_hash"),
              row.getString("deploy_date"),
              row.getLong("documents"),
              Timestamps.instant(row.getOffsetDateTime("created_at")),
              row.getLong("changes")));
    }
    return result;
  }
}
