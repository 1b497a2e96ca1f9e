package io.pokeapi.observability.diff.storage;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A stored schema change.
 *
 * @param id the row id
 * @param scope the schema scope ({@code pokemon}, {@code pokemon:list}, ...)
 * @param schemaVersion the version it produced
 * @param changeType the common-model {@code ChangeType}
 * @param path the JSON Pointer ({@code *} for every array element)
 * @param oldValue the old state
 * @param newValue the new state
 * @param breaking whether it can break a client
 * @param resourceKey the answer that showed it, or {@code null} for a sweep
 * @param resourceId the resource that showed it, or {@code null}
 * @param runId the run
 * @param releaseHash the release hash seen with it
 * @param deployDate the deploy date seen with it
 * @param detectedAt when it was detected
 */
public record SchemaChangeView(
    long id,
    String scope,
    int schemaVersion,
    String changeType,
    String path,
    String oldValue,
    String newValue,
    boolean breaking,
    String resourceKey,
    String resourceId,
    UUID runId,
    String releaseHash,
    String deployDate,
    Instant detectedAt) {

  static final String COLUMNS =
      "id, schema_scope, schema_version, change_type, path, old_value, new_value, breaking,"
          + " resource_key, resource_id, run_id, release_hash, deploy_date, detected_at";

  static List<SchemaChangeView> all(RowSet<Row> rows) {
    List<SchemaChangeView> result = new ArrayList<>(rows.size());
    for (Row row : rows) {
      result.add(
          new SchemaChangeView(
              row.getLong("id"),
              row.getString("schema_scope"),
              row.getInteger("schema_version"),
              row.getString("change_type"),
              row.getString("path"),
              row.getString("old_value"),
              row.getString("new_value"),
              row.getBoolean("breaking"),
              row.getString("resource_key"),
              row.getString("resource_id"),
              row.getUUID("run_id"),
              row.getString("release_hash"),
              row.getString("deploy_date"),
              Timestamps.instant(row.getOffsetDateTime("detected_at"))));
    }
    return result;
  }
}
