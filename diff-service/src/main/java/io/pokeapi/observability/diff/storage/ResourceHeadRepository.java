package io.pokeapi.observability.diff.storage;

import io.pokeapi.observability.diff.ingest.ResourceRef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;

/** The {@code resource_heads} table: the current body of each resource. */
@ApplicationScoped
public class ResourceHeadRepository {

  /**
   * Locks resources for the rest of the transaction, in a fixed order so that two transactions
   * never wait for each other. The answers for a resource by id and by name travel on different
   * partitions, possibly to different replicas; the lock makes their comparisons with the current
   * body happen one after the other.
   */
  private static final String LOCK =
      """
      SELECT count(pg_advisory_xact_lock(k.key)) AS locked
        FROM (SELECT DISTINCT hashtextextended(t.endpoint || '/' || t.resource_id, 0) AS key
                FROM unnest($1::text[], $2::text[]) AS t(endpoint, resource_id)
               ORDER BY 1) AS k
      """;

  private static final String FIND =
      """
      SELECT h.endpoint, h.resource_id, h.snapshot_id, h.sha256, h.observed_at, s.last_run_id,
             s.last_release_hash
        FROM resource_heads h
        JOIN unnest($1::text[], $2::text[]) AS k(endpoint, resource_id)
          ON h.endpoint = k.endpoint AND h.resource_id = k.resource_id
        JOIN snapshots s ON s.id = h.snapshot_id
      """;

  private static final String UPSERT =
      """
      INSERT INTO resource_heads (endpoint, resource_id, snapshot_id, sha256, observed_at)
      SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::timestamptz[])
      ON CONFLICT (endpoint, resource_id) DO UPDATE
         SET snapshot_id = EXCLUDED.snapshot_id,
             sha256 = EXCLUDED.sha256,
             observed_at = EXCLUDED.observed_at
       WHERE resource_heads.observed_at <= EXCLUDED.observed_at
      """;

  /** Locks {@code resources} until the transaction of {@code connection} ends. */
  public Uni<Void> lock(SqlClient connection, SortedSet<ResourceRef> resources) {
    if (resources.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return connection.preparedQuery(LOCK).execute(refs(resources)).replaceWithVoid();
  }

  /** The current versions of {@code resources} that have one. */
  public Uni<Map<ResourceRef, ResourceHead>> find(
      SqlClient client, Collection<ResourceRef> resources) {
    if (resources.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return client
        .preparedQuery(FIND)
        .execute(refs(resources))
        .map(
            rows -> {
              Map<ResourceRef, ResourceHead> heads = new HashMap<>();
              for (Row row : rows) {
                ResourceHead head =
                    new ResourceHead(
                        row.getString("endpoint"),
                        row.getString("resource_id"),
                        row.getLong("snapshot_id"),
                        row.getString("sha256"),
                        Timestamps.instant(row.getOffsetDateTime("observed_at")),
                        row.getUUID("last_run_id"),
                        row.getString("last_release_hash"));
                heads.put(new ResourceRef(head.endpoint(), head.resourceId()), head);
              }
              return heads;
            });
  }

  /** Makes the given heads current, unless a newer observation made another one current. */
  public Uni<Integer> upsert(SqlClient client, Collection<ResourceHead> heads) {
    if (heads.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    int n = heads.size();
    String[] endpoints = new String[n];
    String[] ids = new String[n];
    Long[] snapshots = new Long[n];
    String[] shas = new String[n];
    OffsetDateTime[] observed = new OffsetDateTime[n];
    int i = 0;
    for (ResourceHead head : heads) {
      endpoints[i] = head.endpoint();
      ids[i] = head.resourceId();
      snapshots[i] = head.snapshotId();
      shas[i] = head.sha256();
      observed[i] = Timestamps.utc(head.observedAt());
      i++;
    }
    return client
        .preparedQuery(UPSERT)
        .execute(Tuple.of(endpoints, ids, snapshots, shas, observed))
        .map(RowSet::rowCount);
  }

  private static Tuple refs(Collection<ResourceRef> resources) {
    String[] endpoints = new String[resources.size()];
    String[] ids = new String[resources.size()];
    int i = 0;
    for (ResourceRef ref : resources) {
      endpoints[i] = ref.endpoint();
      ids[i] = ref.resourceId();
      i++;
    }
    return Tuple.of(endpoints, ids);
  }
}
