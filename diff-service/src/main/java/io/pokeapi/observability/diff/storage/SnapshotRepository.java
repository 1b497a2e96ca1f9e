package io.pokeapi.observability.diff.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The {@code snapshots} table: one row per distinct body of a resource. */
@ApplicationScoped
public class SnapshotRepository {

  private static final String FIND_BY_CONTENT =
      """
      SELECT s.id, s.endpoint, s.sha256, s.resource_id, s.id_from_body, s.shape, s.last_seen,
             s.last_run_id, s.last_release_hash
        FROM snapshots s
        JOIN unnest($1::text[], $2::text[]) AS k(endpoint, sha256)
          ON s.endpoint = k.endpoint AND s.sha256 = k.sha256
      """;

  private static final String INSERT =
      """
      INSERT INTO snapshots (endpoint, resource_id, id_from_body, resource_name, resource_key,
                             sha256, body, body_bytes, schema_scope, shape, first_seen, last_seen,
                             first_run_id, last_run_id, release_hash, deploy_date,
                             last_release_hash)
      VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8, $9, $10, $11, $12, $13, $14, $15, $16,
              $17)
      ON CONFLICT ON CONSTRAINT snapshots_content_key DO UPDATE
         SET last_seen = GREATEST(snapshots.last_seen, EXCLUDED.last_seen),
             last_run_id = CASE WHEN EXCLUDED.last_seen > snapshots.last_seen
                                THEN EXCLUDED.last_run_id ELSE snapshots.last_run_id END,
             last_release_hash = CASE WHEN EXCLUDED.last_seen > snapshots.last_seen
                                      THEN COALESCE(EXCLUDED.last_release_hash,
                                                    snapshots.last_release_hash)
                                      ELSE snapshots.last_release_hash END
      RETURNING id, (xmax = 0) AS inserted
      """;

  private static final String TOUCH =
      """
      UPDATE snapshots s
         SET last_seen = v.seen,
             last_run_id = v.run_id,
             last_release_hash = COALESCE(v.release_hash, s.last_release_hash)
        FROM unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::text[])
             AS v(id, seen, run_id, release_hash)
       WHERE s.id = v.id AND s.last_seen < v.seen
      """;

  /** The stored bodies among {@code (endpoint, sha256)} pairs; several rows per pair possible. */
  public Uni<List<KnownContent>> findByContent(
      SqlClient client, Collection<String> endpoints, Collection<String> sha256s) {
    if (endpoints.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return client
        .preparedQuery(FIND_BY_CONTENT)
        .execute(Tuple.of(endpoints.toArray(String[]::new), sha256s.toArray(String[]::new)))
        .map(
            rows -> {
              List<KnownContent> known = new ArrayList<>(rows.size());
              for (Row row : rows) {
                known.add(
                    new KnownContent(
                        row.getLong("id"),
                        row.getString("endpoint"),
                        row.getString("sha256"),
                        row.getString("resource_id"),
                        row.getBoolean("id_from_body"),
                        row.getString("shape"),
                        Timestamps.instant(row.getOffsetDateTime("last_seen")),
                        row.getUUID("last_run_id"),
                        row.getString("last_release_hash")));
              }
              return known;
            });
  }

  /**
   * Stores bodies, one statement per body in one pipelined batch. A body stored meanwhile (by a
   * replay or another replica) is not stored again: only its last-seen time moves.
   *
   * @return for each body in order, its snapshot id and whether this call stored it
   */
  public Uni<List<StoredSnapshot>> insert(SqlClient client, List<NewSnapshot> snapshots) {
    if (snapshots.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    List<Tuple> tuples = new ArrayList<>(snapshots.size());
    for (NewSnapshot s : snapshots) {
      tuples.add(
          Tuple.from(
              new Object[] {
                s.endpoint(),
                s.resourceId(),
                s.idFromBody(),
                s.resourceName(),
                s.resourceKey(),
                s.sha256(),
                s.body(),
                s.bodyBytes(),
                s.schemaScope(),
                s.shape(),
                Timestamps.utc(s.firstSeen()),
                Timestamps.utc(s.lastSeen()),
                s.firstRunId(),
                s.lastRunId(),
                s.releaseHash(),
                s.deployDate(),
                s.lastReleaseHash()
              }));
    }
    return client
        .preparedQuery(INSERT)
        .executeBatch(tuples)
        .map(
            first -> {
              List<StoredSnapshot> stored = new ArrayList<>(snapshots.size());
              for (RowSet<Row> rows = first; rows != null; rows = rows.next()) {
                Row row = rows.iterator().next();
                stored.add(new StoredSnapshot(row.getLong("id"), row.getBoolean("inserted")));
              }
              return stored;
            });
  }

  /** Moves last-seen time, run and release hash of stored bodies seen again. */
  public Uni<Integer> touch(SqlClient client, Collection<SnapshotSighting> sightings) {
    if (sightings.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    int n = sightings.size();
    Long[] ids = new Long[n];
    OffsetDateTime[] seen = new OffsetDateTime[n];
    UUID[] runs = new UUID[n];
    String[] releases = new String[n];
    int i = 0;
    for (SnapshotSighting s : sightings) {
      ids[i] = s.snapshotId();
      seen[i] = Timestamps.utc(s.seenAt());
      runs[i] = s.runId();
      releases[i] = s.releaseHash();
      i++;
    }
    return client
        .preparedQuery(TOUCH)
        .execute(Tuple.of(ids, seen, runs, releases))
        .map(RowSet::rowCount);
  }

  /** The JSON text of the bodies of the given snapshots, by snapshot id. */
  public Uni<Map<Long, String>> bodies(SqlClient client, Collection<Long> snapshotIds) {
    if (snapshotIds.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return client
        .preparedQuery("SELECT id, body::text AS body FROM snapshots WHERE id = ANY($1)")
        .execute(Tuple.of(snapshotIds.toArray(Long[]::new)))
        .map(
            rows -> {
              Map<Long, String> bodies = new HashMap<>();
              for (Row row : rows) {
                bodies.put(row.getLong("id"), row.getString("body"));
              }
              return bodies;
            });
  }
}
