package io.pokeapi.observability.diff.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code dead_letters} table: records that could not be stored, with the reason. A record is
 * kept once (a replay of the same offset adds nothing).
 */
@ApplicationScoped
public class DeadLetterRepository {

  /**
   * Keeps a dead letter.
   *
   * @return whether it was new
   */
  public Uni<Boolean> insert(SqlClient client, DeadLetter letter) {
    return client
        .preparedQuery(
            """
            INSERT INTO dead_letters (topic, kafka_partition, kafka_offset, record_key, payload,
                                      reason)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING
            """)
        .execute(
            Tuple.from(
                new Object[] {
                  text(letter.topic()),
                  letter.partition(),
                  letter.offset(),
                  text(letter.key()),
                  text(letter.payload()),
                  text(letter.reason())
                }))
        .map(rows -> rows.rowCount() == 1);
  }

  /** PostgreSQL text cannot hold NUL: shown as the JSON escape instead. */
  private static String text(String value) {
    return value == null ? null : value.replace("\u0000", "\\u0000");
  }

  /** How many dead letters are kept. */
  public Uni<Long> count(SqlClient client) {
    return client
        .query("SELECT count(*) FROM dead_letters")
        .execute()
        .map(RowSet::iterator)
        .map(rows -> rows.next().getLong(0));
  }
}
