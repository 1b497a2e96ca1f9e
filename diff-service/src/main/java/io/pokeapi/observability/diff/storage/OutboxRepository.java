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
 * The {@code outbox_events} table: Kafka messages written in the transaction of the changes they
 * announce, relayed after the commit.
 */
@ApplicationScoped
public class OutboxRepository {

  /** Adds messages to the outbox. */
  public Uni<Void> insert(SqlClient client, Collection<OutboxMessage> messages) {
    if (messages.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    String[] topics = new String[messages.size()];
    String[] keys = new String[messages.size()];
    String[] payloads = new String[messages.size()];
    int i = 0;
    for (OutboxMessage message : messages) {
      topics[i] = message.topic();
      keys[i] = message.key();
      payloads[i] = message.payload();
      i++;
    }
    return client
        .preparedQuery(
            """
            INSERT INTO outbox_events (topic, message_key, payload)
            SELECT t.topic, t.message_key, t.payload
              FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY
                   AS t(topic, message_key, payload, n)
             ORDER BY t.n
            """)
        .execute(Tuple.of(topics, keys, payloads))
        .replaceWithVoid();
  }

  /** The oldest messages, locked for this transaction; messages another relay holds are skipped. */
  public Uni<List<OutboxMessage>> claim(SqlClient client, int limit) {
    return client
        .preparedQuery(
            "SELECT id, topic, message_key, payload FROM outbox_events"
                + " ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED")
        .execute(Tuple.of(limit))
        .map(
            rows -> {
              List<OutboxMessage> messages = new ArrayList<>(rows.size());
              for (Row row : rows) {
                messages.add(
                    new OutboxMessage(
                        row.getLong("id"),
                        row.getString("topic"),
                        row.getString("message_key"),
                        row.getString("payload")));
              }
              return messages;
            });
  }

  /** Removes relayed messages. */
  public Uni<Void> delete(SqlClient client, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return client
        .preparedQuery("DELETE FROM outbox_events WHERE id = ANY($1)")
        .execute(Tuple.of(ids.toArray(Long[]::new)))
        .replaceWithVoid();
  }
}
