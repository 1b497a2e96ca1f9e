package io.pokeapi.observability.diff.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read queries over the drift found: schema changes and data changes together, newest first, for
 * the REST API.
 */
@ApplicationScoped
public class DriftEventQueries {

  /**
   * One schema change or data change.
   *
   * @param kind {@code schema} or {@code data}
   * @param id the change's id within its kind
   * @param endpoint the endpoint; for a schema change its scope ({@code pokemon:list} for the list
   *     pages)
   * @param detectedAt when it was detected
   * @param resourceKey the answer that showed it ({@code null} for a schema change of a sweep)
   * @param resourceId the resource
   * @param runId the run
   * @param releaseHash the release hash seen with it
   * @param deployDate the deploy date seen with it
   * @param changeType schema: the {@code ChangeType}; data: {@code null}
   * @param path schema: the JSON Pointer; data: {@code null}
   * @param oldValue schema: the old state
   * @param newValue schema: the new state
   * @param breaking schema: whether it can break a client
   * @param schemaVersion schema: the version it produced
   * @param fromSha256 data: the older body
   * @param toSha256 data: the newer body
   * @param operations data: how many JSON Patch operations
   * @param edgeInconsistency data: whether the edge rather than a release explains it
   * @param inconsistency data: {@code same-release} or {@code same-run}
   */
  public record DriftEventView(
      String kind,
      long id,
      String endpoint,
      Instant detectedAt,
      String resourceKey,
      String resourceId,
      UUID runId,
      String releaseHash,
      String deployDate,
      String changeType,
      String path,
      String oldValue,
      String newValue,
      Boolean breaking,
      Integer schemaVersion,
      String fromSha256,
      String toSha256,
      Integer operations,
      Boolean edgeInconsistency,
      String inconsistency) {}

  private static final String EVENTS =
      """
      SELECT * FROM (
          SELECT 'schema' AS kind, c.id, c.schema_scope AS endpoint, c.detected_at, c.resource_key,
                 c.resource_id, c.run_id, c.release_hash, c.deploy_date, c.change_type, c.path,
                 c.old_value, c.new_value, c.breaking, c.schema_version,
                 NULL::text AS from_sha256, NULL::text AS to_sha256,
                 NULL::int AS operation_count, NULL::boolean AS edge_inconsistency,
                 NULL::text AS inconsistency
            FROM schema_changes c
           WHERE ($2::text IS NULL OR $2 = 'schema')
             AND ($1::text IS NULL OR c.schema_scope = $1
                  OR c.schema_scope LIKE $1 || ':%')
             AND ($3::timestamptz IS NULL OR c.detected_at >= $3)
             AND ($4::timestamptz IS NULL OR c.detected_at < $4)
          UNION ALL
          SELECT 'data', d.id, d.endpoint, d.detected_at, d.resource_key, d.resource_id,
                 d.run_id, d.release_hash, d.deploy_date, NULL, NULL, NULL, NULL, NULL, NULL,
                 d.from_sha256, d.to_sha256, d.operation_count, d.edge_inconsistency,
                 d.inconsistency
            FROM data_changes d
           WHERE ($2::text IS NULL OR $2 = 'data')
             AND ($1::text IS NULL OR d.endpoint = $1)
             AND ($3::timestamptz IS NULL OR d.detected_at >= $3)
             AND ($4::timestamptz IS NULL OR d.detected_at < $4)
      ) AS e
      ORDER BY e.detected_at DESC, e.kind, e.id DESC
      OFFSET $5 LIMIT $6
      """;

  /**
   * A page of drift events, newest first.
   *
   * @param endpoint only this endpoint (with its list pages and sub-resources), or {@code null}
   * @param kind {@code schema}, {@code data}, or {@code null} for both
   * @param from only events detected at or after, or {@code null}
   * @param to only events detected before, or {@code null}
   */
  public Uni<List<DriftEventView>> events(
      SqlClient client,
      String endpoint,
      String kind,
      Instant from,
      Instant to,
      int offset,
      int limit) {
    return client
        .preparedQuery(EVENTS)
        .execute(
            Tuple.from(
                new Object[] {
                  endpoint, kind, Timestamps.utc(from), Timestamps.utc(to), offset, limit
                }))
        .map(
            rows -> {
              List<DriftEventView> result = new ArrayList<>(rows.size());
              for (Row row : rows) {
                result.add(
                    new DriftEventView(
                        row.getString("kind"),
                        row.getLong("id"),
                        row.getString("endpoint"),
                        Timestamps.instant(row.getOffsetDateTime("detected_at")),
                        row.getString("resource_key"),
                        row.getString("resource_id"),
                        row.getUUID("run_id"),
                        row.getString("release_hash"),
                        row.getString("deploy_date"),
                        row.getString("change_type"),
                        row.getString("path"),
                        row.getString("old_value"),
                        row.getString("new_value"),
                        row.getBoolean("breaking"),
                        row.getInteger("schema_version"),
                        row.getString("from_sha256"),
                        row.getString("to_sha256"),
                        row.getInteger("operation_count"),
                        row.getBoolean("edge_inconsistency"),
                        row.getString("inconsistency")));
              }
              return result;
            });
  }

  /** One data change with its operations. */
  public Uni<Optional<DataChangeView>> dataChange(SqlClient client, long id) {
    return client
        .preparedQuery("SELECT " + DataChangeView.COLUMNS + " FROM data_changes WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> DataChangeView.all(rows).stream().findFirst());
  }
}
