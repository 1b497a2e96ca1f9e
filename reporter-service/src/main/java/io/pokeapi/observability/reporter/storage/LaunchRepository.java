package io.pokeapi.observability.reporter.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pokeapi.observability.common.contract.EventJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The {@code reporter_launches} table: one row per run (probe or load) with the UUID of its
 * ReportPortal launch. The primary key on the run is what makes a second launch for a run
 * impossible, also across restarts.
 */
@ApplicationScoped
public class LaunchRepository {

  private static final ObjectMapper JSON = EventJson.mapper();

  private final Pool pool;

  public LaunchRepository(Pool pool) {
    this.pool = pool;
  }

  /** The launch of a run, or null. */
  public Uni<LaunchState> find(UUID launchKey) {
    return pool.preparedQuery("SELECT state FROM reporter.reporter_launches WHERE launch_key = $1")
        .execute(Tuple.of(launchKey))
        .map(rows -> rows.size() == 0 ? null : read(rows.iterator().next().getString(0)));
  }

  /** Writes a launch's state (inside the caller's transaction). */
  public Uni<Void> save(SqlClient tx, LaunchState state) {
    return tx.preparedQuery(
            "INSERT INTO reporter.reporter_launches (launch_key, launch_uuid, kind, name, started_at,"
                + " finished, state) VALUES ($1, $2, $3, $4, $5, $6, $7)"
                + " ON CONFLICT (launch_key) DO UPDATE SET finished = EXCLUDED.finished,"
                + " state = EXCLUDED.state, updated_at = now()")
        .execute(
            Tuple.tuple()
                .addUUID(state.launchKey)
                .addUUID(state.launchUuid)
                .addString(state.kind)
                .addString(state.name)
                .addOffsetDateTime(state.startedAt.atOffset(ZoneOffset.UTC))
                .addBoolean(state.finished)
                .addString(write(state)))
        .replaceWithVoid();
  }

  /** The most recent launches, newest first. */
  public Uni<List<LaunchState>> recent(int limit) {
    return pool.preparedQuery(
            "SELECT state FROM reporter.reporter_launches ORDER BY started_at DESC, launch_key LIMIT $1")
        .execute(Tuple.of(limit))
        .map(
            rows -> {
              List<LaunchState> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(read(r.getString(0)));
              }
              return out;
            });
  }

  /** How many launches are started and not finished. */
  public Uni<Long> open() {
    return pool.query("SELECT count(*) FROM reporter.reporter_launches WHERE NOT finished")
        .execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static LaunchState read(String json) {
    try {
      return JSON.readValue(json, LaunchState.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable launch state: " + e.getMessage(), e);
    }
  }

  private static String write(LaunchState state) {
    try {
      return JSON.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
