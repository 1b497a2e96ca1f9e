package io.pokeapi.observability.reporter.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The {@code flaky_checks} table: per check, total runs, flaky runs and the last flaky time. */
@ApplicationScoped
public class FlakyRepository {

  private final Pool pool;

  public FlakyRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Counts one run of a check and, when {@code flakyAt} is set, one flaky run (inside the caller's
   * transaction); returns the new totals.
   */
  public Uni<FlakyCheck> count(SqlClient tx, String testName, int runs, Instant flakyAt) {
    OffsetDateTime at = flakyAt == null ? null : flakyAt.atOffset(ZoneOffset.UTC);
    return tx.preparedQuery(
            "INSERT INTO reporter.flaky_checks (test_name, total_runs, flaky_runs, last_flaky_at)"
                + " VALUES ($1, $2, $3, $4) ON CONFLICT (test_name) DO UPDATE SET"
                + " total_runs = flaky_checks.total_runs + EXCLUDED.total_runs,"
                + " flaky_runs = flaky_checks.flaky_runs + EXCLUDED.flaky_runs,"
                + " last_flaky_at = COALESCE(GREATEST(flaky_checks.last_flaky_at,"
                + " EXCLUDED.last_flaky_at), flaky_checks.last_flaky_at, EXCLUDED.last_flaky_at)"
                + " RETURNING test_name, total_runs, flaky_runs, last_flaky_at")
        .execute(
            Tuple.tuple()
                .addString(testName)
                .addLong((long) runs)
                .addLong(flakyAt == null ? 0L : 1L)
                .addOffsetDateTime(at))
        .map(rows -> read(rows).get(0));
  }

  /** The flakiest checks: highest rate first, then most flaky runs. */
  public Uni<List<FlakyCheck>> flakiest(int limit) {
    return pool.preparedQuery(
            "SELECT test_name, total_runs, flaky_runs, last_flaky_at FROM reporter.flaky_checks"
                + " WHERE flaky_runs > 0 ORDER BY flaky_runs::float8 / GREATEST(total_runs, 1)"
                + " DESC, flaky_runs DESC, test_name LIMIT $1")
        .execute(Tuple.of(limit))
        .map(FlakyRepository::read);
  }

  /** Every check, for the metrics at start. */
  public Uni<List<FlakyCheck>> all() {
    return pool.query(
            "SELECT test_name, total_runs, flaky_runs, last_flaky_at FROM reporter.flaky_checks")
        .execute()
        .map(FlakyRepository::read);
  }

  private static List<FlakyCheck> read(RowSet<Row> rows) {
    List<FlakyCheck> out = new ArrayList<>();
    for (Row r : rows) {
      OffsetDateTime last = r.getOffsetDateTime("last_flaky_at");
      out.add(
          new FlakyCheck(
              r.getString("test_name"),
              r.getLong("total_runs"),
              r.getLong("flaky_runs"),
              last == null ? null : last.toInstant()));
    }
    return out;
  }
}
