package io.pokeapi.observability.diff.storage;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A stored data change with its operations.
 *
 * @param id the row id
 * @param endpoint the endpoint
 * @param resourceId the resource
 * @param resourceKey the key the newer body was requested under
 * @param fromSha256 the older body
 * @param toSha256 the newer body
 * @param operationsJson JSON array of {@code {changeType, path, oldValue, newValue}}
 * @param jsonPatchJson the RFC 6902 JSON Patch
 * @param operationCount how many operations
 * @param runId the run
 * @param releaseHash the release hash seen with the newer body
 * @param deployDate the deploy date seen with it
 * @param previousReleaseHash the release hash last seen with the older body
 * @param edgeInconsistency whether the edge rather than a release explains it
 * @param inconsistency {@code same-release} or {@code same-run}, or {@code null}
 * @param detectedAt when it was detected
 */
public record DataChangeView(
    long id,
    String endpoint,
    String resourceId,
    String resourceKey,
    String fromSha256,
    String toSha256,
    String operationsJson,
    String jsonPatchJson,
    int operationCount,
    UUID runId,
    String releaseHash,
    String deployDate,
    String previousReleaseHash,
    boolean edgeInconsistency,
    String inconsistency,
    Instant detectedAt) {

  static final String COLUMNS =
      "id, endpoint, resource_id, resource_key, from_sha256, to_sha256,"
          + " operations::text AS operations, json_patch::text AS json_patch, operation_count,"
          + " run_id, release_hash, deploy_date, previous_release_hash, edge_inconsistency,"
          + " inconsistency, detected_at";

  static List<DataChangeView> all(RowSet<Row> rows) {
    List<DataChangeView> result = new ArrayList<>(rows.size());
    for (Row row : rows) {
      result.add(
          new DataChangeView(
              row.getLong("id"),
              row.getString("endpoint"),
              row.getString("resource_id"),
              row.getString("resource_key"),
              row.getString("from_sha256"),
              row.getString("to_sha256"),
              row.getString("operations"),
              row.getString("json_patch"),
              row.getInteger("operation_count"),
              row.getUUID("run_id"),
              row.getString("release_hash"),
              row.getString("deploy_date"),
              row.getString("previous_release_hash"),
              row.getBoolean("edge_inconsistency"),
              row.getString("inconsistency"),
              Timestamps.instant(row.getOffsetDateTime("detected_at"))));
    }
    return result;
  }
}
