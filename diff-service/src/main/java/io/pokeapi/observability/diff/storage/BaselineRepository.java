package io.pokeapi.observability.diff.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code performance_baselines} and {@code latency_evaluations} tables. */
@ApplicationScoped
public class BaselineRepository {

  private static final String BASELINE_COLUMNS =
      "id, endpoint, computed_at, window_start, window_end, sample_size, p50_ms, p95_ms, p99_ms";

  private static final String EVALUATION_COLUMNS =
      "id, run_id, endpoint, percentile, run_value_ms, run_samples, baseline_id,"
          + " baseline_value_ms, threshold, regressed, evaluated_at";

  /** Stores baselines computed together. */
  public Uni<Void> insert(SqlClient client, List<PerformanceBaseline> baselines) {
    if (baselines.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Tuple> tuples = new ArrayList<>(baselines.size());
    for (PerformanceBaseline b : baselines) {
      tuples.add(
          Tuple.from(
              new Object[] {
                b.endpoint(),
                Timestamps.utc(b.computedAt()),
                Timestamps.utc(b.windowStart()),
                Timestamps.utc(b.windowEnd()),
                b.sampleSize(),
                b.p50Ms(),
                b.p95Ms(),
                b.p99Ms()
              }));
    }
    return client
        .preparedQuery(
            """
            INSERT INTO performance_baselines (endpoint, computed_at, window_start, window_end,
                                               sample_size, p50_ms, p95_ms, p99_ms)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT ON CONSTRAINT performance_baselines_once DO NOTHING
            """)
        .executeBatch(tuples)
        .replaceWithVoid();
  }

  /** The latest baseline of each endpoint, by endpoint. */
  public Uni<Map<String, PerformanceBaseline>> latest(SqlClient client) {
    return client
        .preparedQuery(
            "SELECT DISTINCT ON (endpoint) "
                + BASELINE_COLUMNS
                + " FROM performance_baselines ORDER BY endpoint, computed_at DESC")
        .execute()
        .map(
            rows -> {
              Map<String, PerformanceBaseline> latest = new HashMap<>();
              for (Row row : rows) {
                PerformanceBaseline baseline = baseline(row);
                latest.put(baseline.endpoint(), baseline);
              }
              return latest;
            });
  }

  /** A page of the latest baselines, one per endpoint, in endpoint order. */
  public Uni<List<PerformanceBaseline>> latestPage(
      SqlClient client, String endpoint, int offset, int limit) {
    return client
        .preparedQuery(
            "SELECT * FROM (SELECT DISTINCT ON (endpoint) "
                + BASELINE_COLUMNS
                + " FROM performance_baselines WHERE ($1::text IS NULL OR endpoint = $1)"
                + " ORDER BY endpoint, computed_at DESC) AS b"
                + " ORDER BY endpoint OFFSET $2 LIMIT $3")
        .execute(Tuple.of(endpoint, offset, limit))
        .map(BaselineRepository::baselines);
  }

  /** A page of the baselines of one endpoint, newest first. */
  public Uni<List<PerformanceBaseline>> history(
      SqlClient client, String endpoint, int offset, int limit) {
    return client
        .preparedQuery(
            "SELECT "
                + BASELINE_COLUMNS
                + " FROM performance_baselines WHERE endpoint = $1"
                + " ORDER BY computed_at DESC, id DESC OFFSET $2 LIMIT $3")
        .execute(Tuple.of(endpoint, offset, limit))
        .map(BaselineRepository::baselines);
  }

  /**
   * Stores the evaluation of a run against a baseline.
   *
   * @return whether it was new (a run is evaluated once per endpoint)
   */
  public Uni<Boolean> insertEvaluation(SqlClient client, LatencyEvaluation e) {
    return client
        .preparedQuery(
            """
            INSERT INTO latency_evaluations (run_id, endpoint, percentile, run_value_ms,
                                             run_samples, baseline_id, baseline_value_ms,
                                             threshold, regressed, evaluated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT ON CONSTRAINT latency_evaluations_once DO NOTHING
            """)
        .execute(
            Tuple.from(
                new Object[] {
                  e.runId(),
                  e.endpoint(),
                  e.percentile(),
                  e.runValueMs(),
                  e.runSamples(),
                  e.baselineId(),
                  e.baselineValueMs(),
                  e.threshold(),
                  e.regressed(),
                  Timestamps.utc(e.evaluatedAt())
                }))
        .map(rows -> rows.rowCount() == 1);
  }

  /** The latest evaluation of each endpoint. */
  public Uni<List<LatencyEvaluation>> latestEvaluations(SqlClient client) {
    return client
        .preparedQuery(
            "SELECT DISTINCT ON (endpoint) "
                + EVALUATION_COLUMNS
                + " FROM latency_evaluations ORDER BY endpoint, evaluated_at DESC, id DESC")
        .execute()
        .map(BaselineRepository::evaluations);
  }

  /** A page of evaluations, newest first, optionally of one endpoint and only regressions. */
  public Uni<List<LatencyEvaluation>> evaluations(
      SqlClient client, String endpoint, boolean regressedOnly, int offset, int limit) {
    return client
        .preparedQuery(
            "SELECT "
                + EVALUATION_COLUMNS
                + " FROM latency_evaluations WHERE ($1::text IS NULL OR endpoint = $1)"
                + " AND (NOT $2 OR regressed)"
                + " ORDER BY evaluated_at DESC, id DESC OFFSET $3 LIMIT $4")
        .execute(Tuple.of(endpoint, regressedOnly, offset, limit))
        .map(BaselineRepository::evaluations);
  }

  private static List<PerformanceBaseline> baselines(RowSet<Row> rows) {
    List<PerformanceBaseline> result = new ArrayList<>(rows.size());
    for (Row row : rows) {
      result.add(baseline(row));
    }
    return result;
  }

  private static PerformanceBaseline baseline(Row row) {
    return new PerformanceBaseline(
        row.getLong("id"),
        row.getString("endpoint"),
        Timestamps.instant(row.getOffsetDateTime("computed_at")),
        Timestamps.instant(row.getOffsetDateTime("window_start")),
        Timestamps.instant(row.getOffsetDateTime("window_end")),
        row.getLong("sample_size"),
        row.getDouble("p50_ms"),
        row.getDouble("p95_ms"),
        row.getDouble("p99_ms"));
  }

  private static List<LatencyEvaluation> evaluations(RowSet<Row> rows) {
    List<LatencyEvaluation> result = new ArrayList<>(rows.size());
    for (Row row : rows) {
      result.add(
          new LatencyEvaluation(
              row.getUUID("run_id"),
              row.getString("endpoint"),
              row.getString("percentile"),
              row.getDouble("run_value_ms"),
              row.getLong("run_samples"),
              row.getLong("baseline_id"),
              row.getDouble("baseline_value_ms"),
              row.getDouble("threshold"),
              row.getBoolean("regressed"),
              Timestamps.instant(row.getOffsetDateTime("evaluated_at"))));
    }
    return result;
  }
}
