package io.pokeapi.observability.diff.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Small blocking queries for test assertions. */
public final class Db {

  private final Pool pool;

  public Db(Pool pool) {
    this.pool = pool;
  }

  /** The single number a query returns. */
  public long count(String sql, Object... params) {
    Row row =
        pool.preparedQuery(sql)
            .execute(Tuple.from(params))
            .await()
            .indefinitely()
            .iterator()
            .next();
    return row.getLong(0);
  }

  /** The rows of a query. */
  public List<Row> rows(String sql, Object... params) {
    List<Row> rows = new ArrayList<>();
    pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().forEach(rows::add);
    return rows;
  }
}
