package io.pokeapi.observability.reporter.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The {@code reporter_inbox} table: every consumed Kafka record, stored before its offset is
 * committed and deleted once ReportPortal accepted all it says. A record delivered twice by Kafka
 * (a replay after a crash) is stored once: (topic, partition, offset) is unique.
 */
@ApplicationScoped
public class InboxRepository {

  private final Pool pool;

  public InboxRepository(Pool pool) {
    this.pool = pool;
  }

  /** Stores a record unless it is already there. */
  public Uni<Boolean> add(
      String topic, int partition, long offset, EventKind kind, UUID launchKey, String payload) {
    return pool.preparedQuery(
            "INSERT INTO reporter.reporter_inbox (topic, part, kafka_offset, kind, launch_key, payload)"
                + " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (topic, part, kafka_offset) DO NOTHING")
        .execute(
            Tuple.tuple()
                .addString(topic)
                .addInteger(partition)
                .addLong(offset)
                .addString(kind.name())
                .addUUID(launchKey)
                .addString(payload))
        .map(rows -> rows.rowCount() > 0);
  }

  /** Whether check results of the launch wait in the inbox (beyond a pass's batch too). */
  public Uni<Boolean> hasCheckResults(UUID launchKey) {
    return pool.preparedQuery(
            "SELECT EXISTS (SELECT 1 FROM reporter.reporter_inbox WHERE launch_key = $1"
                + " AND kind = $2)")
        .execute(Tuple.of(launchKey, EventKind.CHECK_RESULT.name()))
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  /** The oldest waiting rows, in arrival order. */
  public Uni<List<InboxRow>> oldest(int limit) {
    return pool.preparedQuery(
            "SELECT id, topic, part, kafka_offset, kind, launch_key, payload, received_at, step,"
                + " attempts FROM reporter.reporter_inbox ORDER BY id LIMIT $1")
        .execute(Tuple.of(limit))
        .map(
            rows -> {
              List<InboxRow> out = new ArrayList<>(rows.size());
              for (Row r : rows) {
                out.add(
                    new InboxRow(
                        r.getLong("id"),
                        r.getString("topic"),
                        r.getInteger("part"),
                        r.getLong("kafka_offset"),
                        EventKind.valueOf(r.getString("kind")),
                        r.getUUID("launch_key"),
                        r.getString("payload"),
                        r.getOffsetDateTime("received_at").toInstant(),
                        r.getInteger("step"),
                        r.getInteger("attempts")));
              }
              return out;
            });
  }

  /** How many rows wait. */
  public Uni<Long> count() {
    return pool.query("SELECT count(*) FROM reporter.reporter_inbox")
        .execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** Notes that the first {@code step} calls of a row were accepted. */
  public Uni<Void> recordStep(long id, int step) {
    return pool.preparedQuery("UPDATE reporter.reporter_inbox SET step = $2 WHERE id = $1")
        .execute(Tuple.of(id, step))
        .replaceWithVoid();
  }

  /** Notes a failed attempt. */
  public Uni<Void> recordFailure(long id, String error) {
    return pool.preparedQuery(
            "UPDATE reporter.reporter_inbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1")
        .execute(Tuple.of(id, error))
        .replaceWithVoid();
  }

  /** Removes a delivered row (inside the caller's transaction). */
  public Uni<Void> delete(SqlClient tx, long id) {
    return tx.preparedQuery("DELETE FROM reporter.reporter_inbox WHERE id = $1")
        .execute(Tuple.of(id))
        .replaceWithVoid();
  }

  /** Moves a row ReportPortal refused for good to the dead letters (inside a transaction). */
  public Uni<Void> deadLetter(SqlClient tx, InboxRow row, String error) {
    return tx.preparedQuery(
            "INSERT INTO reporter.reporter_dead_letters (id, topic, part, kafka_offset, kind, launch_key,"
                + " payload, error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
                + " ON CONFLICT (id) DO NOTHING")
        .execute(
            Tuple.tuple()
                .addLong(row.id())
                .addString(row.topic())
                .addInteger(row.partition())
                .addLong(row.offset())
                .addString(row.kind().name())
                .addUUID(row.launchKey())
                .addString(row.payload())
                .addString(error))
        .flatMap(ignored -> delete(tx, row.id()));
  }

  /** How many rows were refused for good. */
  public Uni<Long> deadLetters() {
    return pool.query("SELECT count(*) FROM reporter.reporter_dead_letters")
        .execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }
}
