package io.pokeapi.observability.diff.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The {@code data_changes} table: each change between two bodies of a resource, once. */
@ApplicationScoped
public class DataChangeRepository {

  private static final String INSERT =
      """
      INSERT INTO data_changes (endpoint, resource_id, resource_key, from_sha256, to_sha256,
                                from_snapshot_id, to_snapshot_id, operations, json_patch,
                                operation_count, run_id, release_hash, deploy_date,
                                previous_release_hash, edge_inconsistency, inconsistency,
                                detected_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9::text::jsonb, $10, $11, $12, $13,
              $14, $15, $16, $17)
      ON CONFLICT ON CONSTRAINT data_changes_once DO NOTHING
      RETURNING id
      """;

  /**
   * Stores changes; a change between the same two bodies already stored (a replay) is skipped.
   *
   * @return for each change in order, its new id, or {@code null} when it was already stored
   */
  public Uni<List<Long>> insert(SqlClient client, List<NewDataChange> changes) {
    if (changes.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    List<Tuple> tuples = new ArrayList<>(changes.size());
    for (NewDataChange c : changes) {
      tuples.add(
          Tuple.from(
              new Object[] {
                c.endpoint(),
                c.resourceId(),
                c.resourceKey(),
                c.fromSha256(),
                c.toSha256(),
                c.fromSnapshotId(),
                c.toSnapshotId(),
                c.operations(),
                c.jsonPatch(),
                c.operationCount(),
                c.runId(),
                c.releaseHash(),
                c.deployDate(),
                c.previousReleaseHash(),
                c.inconsistency() != null,
                c.inconsistency() == null ? null : c.inconsistency().code(),
                Timestamps.utc(c.detectedAt())
              }));
    }
    return client
        .preparedQuery(INSERT)
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
}
