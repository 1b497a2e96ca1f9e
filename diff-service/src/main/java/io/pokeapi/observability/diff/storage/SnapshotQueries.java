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

/** Read queries over the history of resources, for the REST API. */
@ApplicationScoped
public class SnapshotQueries {

  /**
   * One stored version of a resource, without its body.
   *
   * @param sha256 the body's SHA-256, which names the version
   * @param current whether it is the current version
   * @param resourceKey the key it was first requested under
   * @param resourceName the body's name
   * @param bodyBytes the body's size
   * @param firstSeen when it was first seen
   * @param lastSeen when it was last seen
   * @param firstRunId the run that first saw it
   * @param lastRunId the run that last saw it
   * @param releaseHash the release hash it was first seen with
   * @param deployDate the deploy date it was first seen with
   * @param lastReleaseHash the release hash it was last seen with
   */
  public record VersionView(
      String sha256,
      boolean current,
      String resourceKey,
      String resourceName,
      int bodyBytes,
      Instant firstSeen,
      Instant lastSeen,
      UUID firstRunId,
      UUID lastRunId,
      String releaseHash,
      String deployDate,
      String lastReleaseHash) {}

  private static final String VERSION_COLUMNS =
      "s.sha256, (h.snapshot_id IS NOT NULL) AS current, s.resource_key, s.resource_name,"
          + " s.body_bytes, s.first_seen, s.last_seen, s.first_run_id, s.last_run_id,"
          + " s.release_hash, s.deploy_date, s.last_release_hash";

  /** The resource id a reference names: the id itself, or a name or key it was requested under. */
  public Uni<Optional<String>> resolve(SqlClient client, String endpoint, String reference) {
    return client
        .preparedQuery(
            """
            SELECT resource_id FROM (
                SELECT resource_id, 0 AS rank FROM resource_heads
                 WHERE endpoint = $1 AND resource_id = $2
                UNION ALL
                SELECT resource_id, 1 FROM snapshots
                 WHERE endpoint = $1 AND lower(resource_name) = lower($2)
            ) AS r ORDER BY rank LIMIT 1
            """)
        .execute(Tuple.of(endpoint, reference))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getString("resource_id")));
  }

  /** A page of a resource's versions, newest first. */
  public Uni<List<VersionView>> versions(
      SqlClient client, String endpoint, String resourceId, int offset, int limit) {
    return client
        .preparedQuery(
            "SELECT "
                + VERSION_COLUMNS
                + " FROM snapshots s LEFT JOIN resource_heads h ON h.snapshot_id = s.id"
                + " WHERE s.endpoint = $1 AND s.resource_id = $2"
                + " ORDER BY s.first_seen DESC, s.id DESC OFFSET $3 LIMIT $4")
        .execute(Tuple.of(endpoint, resourceId, offset, limit))
        .map(
            rows -> {
              List<VersionView> result = new ArrayList<>(rows.size());
              for (Row row : rows) {
                result.add(version(row));
              }
              return result;
            });
  }

  /**
   * The body of one version, found by its SHA-256 or a unique prefix of it.
   *
   * @return the version and its body text, if there is exactly one match
   */
  public Uni<Optional<VersionBody>> body(
      SqlClient client, String endpoint, String resourceId, String sha256Prefix) {
    return client
        .preparedQuery(
            "SELECT "
                + VERSION_COLUMNS
                + ", s.body::text AS body"
                + " FROM snapshots s LEFT JOIN resource_heads h ON h.snapshot_id = s.id"
                + " WHERE s.endpoint = $1 AND s.resource_id = $2 AND s.sha256 LIKE $3 || '%'"
                + " LIMIT 2")
        .execute(Tuple.of(endpoint, resourceId, sha256Prefix))
        .map(
            rows -> {
              if (rows.size() != 1) {
                return Optional.empty();
              }
              Row row = rows.iterator().next();
              return Optional.of(new VersionBody(version(row), row.getString("body")));
            });
  }

  /** A page of a resource's data changes, newest first. */
  public Uni<List<DataChangeView>> changes(
      SqlClient client, String endpoint, String resourceId, int offset, int limit) {
    return client
        .preparedQuery(
            "SELECT "
                + DataChangeView.COLUMNS
                + " FROM data_changes WHERE endpoint = $1 AND resource_id = $2"
                + " ORDER BY detected_at DESC, id DESC OFFSET $3 LIMIT $4")
        .execute(Tuple.of(endpoint, resourceId, offset, limit))
        .map(DataChangeView::all);
  }

  /**
   * A version with its body.
   *
   * @param version the version
   * @param body the JSON text
   */
  public record VersionBody(VersionView version, String body) {}

  private static VersionView version(Row row) {
    return new VersionView(
        row.getString("sha256"),
        row.getBoolean("current"),
        row.getString("resource_key"),
        row.getString("resource_name"),
        row.getInteger("body_bytes"),
        Timestamps.instant(row.getOffsetDateTime("first_seen")),
        Timestamps.instant(row.getOffsetDateTime("last_seen")),
        row.getUUID("first_run_id"),
        row.getUUID("last_run_id"),
        row.getString("release_hash"),
        row.getString("deploy_date"),
        row.getString("last_release_hash"));
  }
}
