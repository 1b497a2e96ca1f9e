package io.pokeapi.observability.diff.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The {@code resource_keys} table: which resource each requested key answered with, so that a 304
 * Not Modified (no body) can be put down to the resource's current body.
 */
@ApplicationScoped
public class ResourceKeyRepository {

  /**
   * A requested key and its resource.
   *
   * @param endpoint the endpoint
   * @param resourceKey the key as requested (normalised)
   * @param resourceId the resource it answered with
   */
  public record KeyedResource(String endpoint, String resourceKey, String resourceId) {}

  /**
   * The current body of the resource behind a requested key.
   *
   * @param resourceKey the key as requested
   * @param current the stored current body of its resource
   */
  public record KeyedContent(String resourceKey, KnownContent current) {}

  /** Records the resources keys answered with; a key that now names another resource moves. */
  public Uni<Void> upsert(SqlClient client, Collection<KeyedResource> keys) {
    if (keys.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    String[] endpoints = new String[keys.size()];
    String[] resourceKeys = new String[keys.size()];
    String[] ids = new String[keys.size()];
    int i = 0;
    for (KeyedResource key : keys) {
      endpoints[i] = key.endpoint();
      resourceKeys[i] = key.resourceKey();
      ids[i] = key.resourceId();
      i++;
    }
    return client
        .preparedQuery(
            """
            INSERT INTO resource_keys (endpoint, resource_key, resource_id)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
            ON CONFLICT (endpoint, resource_key) DO UPDATE SET resource_id = EXCLUDED.resource_id
             WHERE resource_keys.resource_id <> EXCLUDED.resource_id
            """)
        .execute(Tuple.of(endpoints, resourceKeys, ids))
        .replaceWithVoid();
  }

  /** The current bodies of the resources behind {@code (endpoint, key)} pairs that have one. */
  public Uni<List<KeyedContent>> currentContent(
      SqlClient client, Collection<String> endpoints, Collection<String> resourceKeys) {
    if (endpoints.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return client
        .preparedQuery(
            """
            SELECT k.resource_key, s.id, s.endpoint, s.sha256, s.resource_id, s.id_from_body,
                   s.shape, s.last_seen, s.last_run_id, s.last_release_hash
              FROM unnest($1::text[], $2::text[]) AS w(endpoint, resource_key)
              JOIN resource_keys k
                ON k.endpoint = w.endpoint AND k.resource_key = w.resource_key
              JOIN resource_heads h
                ON h.endpoint = k.endpoint AND h.resource_id = k.resource_id
              JOIN snapshots s ON s.id = h.snapshot_id
            """)
        .execute(Tuple.of(endpoints.toArray(String[]::new), resourceKeys.toArray(String[]::new)))
        .map(
            rows -> {
              List<KeyedContent> result = new ArrayList<>(rows.size());
              for (Row row : rows) {
                result.add(
                    new KeyedContent(
                        row.getString("resource_key"),
                        new KnownContent(
                            row.getLong("id"),
                            row.getString("endpoint"),
                            row.getString("sha256"),
                            row.getString("resource_id"),
                            row.getBoolean("id_from_body"),
                            row.getString("shape"),
                            Timestamps.instant(row.getOffsetDateTime("last_seen")),
                            row.getUUID("last_run_id"),
                            row.getString("last_release_hash"))));
              }
              return result;
            });
  }
}
