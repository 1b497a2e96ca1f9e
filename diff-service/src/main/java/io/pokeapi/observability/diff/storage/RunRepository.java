package io.pokeapi.observability.diff.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The {@code probe_runs} table. */
@ApplicationScoped
public class RunRepository {

  private static final String COLUMNS =
      "run_id, suite, endpoints, started_at, finished_at, status, requests, release_hash,"
          + " deploy_date, captures_published";

  /** Notes what a batch saw of its runs. */
  public Uni<Void> recordCaptures(SqlClient client, Collection<RunCaptures> runs) {
    if (runs.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Tuple> tuples = new ArrayList<>(runs.size());
    for (RunCaptures run : runs) {
      tuples.add(
          Tuple.of(
              run.runId(),
              run.suite(),
              Timestamps.utc(run.firstCapturedAt()),
              Timestamps.utc(run.lastCapturedAt()),
              run.releaseHash(),
              run.deployDate()));
    }
    return client
        .preparedQuery(
            """
            INSERT INTO probe_runs (run_id, suite, first_captured_at, last_captured_at,
                                    release_hash, deploy_date, last_ingested_at)
            VALUES ($1, $2, $3, $4, $5, $6, now())
            ON CONFLICT (run_id) DO UPDATE
               SET suite = COALESCE(probe_runs.suite, EXCLUDED.suite),
                   first_captured_at = LEAST(probe_runs.first_captured_at,
                                             EXCLUDED.first_captured_at),
                   last_captured_at = GREATEST(probe_runs.last_captured_at,
                                               EXCLUDED.last_captured_at),
                   release_hash = CASE
                       WHEN EXCLUDED.release_hash IS NOT NULL
                        AND (probe_runs.last_captured_at IS NULL
                             OR EXCLUDED.last_captured_at >= probe_runs.last_captured_at)
                       THEN EXCLUDED.release_hash ELSE probe_runs.release_hash END,
                   deploy_date = CASE
                       WHEN EXCLUDED.release_hash IS NOT NULL
                        AND (probe_runs.last_captured_at IS NULL
                             OR EXCLUDED.last_captured_at >= probe_runs.last_captured_at)
                       THEN EXCLUDED.deploy_date ELSE probe_runs.deploy_date END,
                   last_ingested_at = now()
            """)
        .executeBatch(tuples)
        .replaceWithVoid();
  }

  /** Notes that a run started. */
  public Uni<Void> recordStarted(
      SqlClient client, UUID runId, String suite, List<String> endpoints, Instant startedAt) {
    return client
        .preparedQuery(
            """
            INSERT INTO probe_runs (run_id, suite, endpoints, started_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (run_id) DO UPDATE
               SET suite = COALESCE(EXCLUDED.suite, probe_runs.suite),
                   endpoints = EXCLUDED.endpoints,
                   started_at = COALESCE(EXCLUDED.started_at, probe_runs.started_at)
            """)
        .execute(
            Tuple.of(runId, suite, endpoints.toArray(String[]::new), Timestamps.utc(startedAt)))
        .replaceWithVoid();
  }

  /** Notes that a run finished, so that it is evaluated once its captures are in. */
  public Uni<Void> recordFinished(
      SqlClient client,
      UUID runId,
      String suite,
      List<String> endpoints,
      Instant startedAt,
      Instant finishedAt,
      String status,
      long requests,
      Long capturesPublished) {
    return client
        .preparedQuery(
            """
            INSERT INTO probe_runs (run_id, suite, endpoints, started_at, finished_at, status,
                                    requests, captures_published, finish_seen_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
            ON CONFLICT (run_id) DO UPDATE
               SET suite = COALESCE(EXCLUDED.suite, probe_runs.suite),
                   endpoints = EXCLUDED.endpoints,
                   started_at = COALESCE(EXCLUDED.started_at, probe_runs.started_at),
                   finished_at = EXCLUDED.finished_at,
                   status = EXCLUDED.status,
                   requests = EXCLUDED.requests,
                   captures_published = EXCLUDED.captures_published,
                   finish_seen_at = COALESCE(probe_runs.finish_seen_at, now())
            """)
        .execute(
            Tuple.from(
                new Object[] {
                  runId,
                  suite,
                  endpoints.toArray(String[]::new),
                  Timestamps.utc(startedAt),
                  Timestamps.utc(finishedAt == null ? Instant.now() : finishedAt),
                  status,
                  requests,
                  capturesPublished
                }))
        .replaceWithVoid();
  }

  /**
   * Finished runs not evaluated yet, locked for this transaction; runs another replica is
   * evaluating are skipped. Each comes with whether it has been quiet (no capture stored, and its
   * end known) for at least {@code settleTime}, by the database's clock.
   */
  public Uni<List<FinishedRun>> claimFinished(
      SqlClient client, Duration settleTime, Duration incompleteAfter, int limit) {
    return client
        .preparedQuery(
            "SELECT "
                + COLUMNS
                + ", GREATEST(finish_seen_at, last_ingested_at)"
                + " < now() - make_interval(secs => $2) AS quiet"
                + ", finish_seen_at < now() - make_interval(secs => $3) AS overdue"
                + " FROM probe_runs WHERE finished_at IS NOT NULL AND finalized_at IS NULL"
                + " ORDER BY finished_at LIMIT $1 FOR UPDATE SKIP LOCKED")
        .execute(
            Tuple.of(limit, settleTime.toMillis() / 1000.0, incompleteAfter.toMillis() / 1000.0))
        .map(
            rows -> {
              List<FinishedRun> runs = new ArrayList<>();
              for (Row row : rows) {
                runs.add(
                    new FinishedRun(
                        run(row),
                        row.getBoolean("quiet"),
                        Boolean.TRUE.equals(row.getBoolean("overdue"))));
              }
              return runs;
            });
  }

  /**
   * Marks a run evaluated.
   *
   * @param evaluation how: {@code complete}, {@code incomplete}, {@code aborted}, or the status of
   *     a run that did not complete
   * @param detail why, in words
   */
  public Uni<Void> markFinalized(SqlClient client, UUID runId, String evaluation, String detail) {
    return client
        .preparedQuery(
            "UPDATE probe_runs SET finalized_at = now(), evaluation = $2, evaluation_detail = $3"
                + " WHERE run_id = $1")
        .execute(Tuple.of(runId, evaluation, detail))
        .replaceWithVoid();
  }

  /**
   * Forgets which shapes runs evaluated before {@code before} saw (they only serve a run's own
   * evaluation).
   *
   * @return how many rows were deleted
   */
  public Uni<Integer> deleteShapesOfRunsFinalizedBefore(SqlClient client, Instant before) {
    return client
        .preparedQuery(
            "DELETE FROM run_shapes r USING probe_runs p"
                + " WHERE r.run_id = p.run_id AND p.finalized_at < $1")
        .execute(Tuple.of(Timestamps.utc(before)))
        .map(io.vertx.mutiny.sqlclient.RowSet::rowCount);
  }

  /** How many finished runs are not evaluated yet, locked by another transaction or not. */
  public Uni<Long> unevaluatedCount(SqlClient client) {
    return client
        .query(
            "SELECT count(*) AS n FROM probe_runs"
                + " WHERE finished_at IS NOT NULL AND finalized_at IS NULL")
        .execute()
        .map(rows -> rows.iterator().next().getLong("n"));
  }

  /** How many captures of a run were stored, all endpoints together. */
  public Uni<Long> captureCount(SqlClient client, UUID runId) {
    return client
        .preparedQuery("SELECT count(*) AS n FROM latency_samples WHERE run_id = $1")
        .execute(Tuple.of(runId))
        .map(rows -> rows.iterator().next().getLong("n"));
  }

  /**
   * What a run saw of one schema scope.
   *
   * @param documents how many documents (JSON bodies, or 304s standing for one)
   * @param requestedKeys how many distinct resource keys it requested
   * @param deliveredKeys how many of those answered with a document
   */
  public record ScopeCoverage(long documents, long requestedKeys, long deliveredKeys) {

    /** No captures of the scope. */
    public static final ScopeCoverage NONE = new ScopeCoverage(0, 0, 0);

    /** The share of requested resources that answered with a document (1 without requests). */
    public double share() {
      return requestedKeys == 0 ? 1.0 : (double) deliveredKeys / requestedKeys;
    }
  }

  /** What a run saw, per schema scope. */
  public Uni<Map<String, ScopeCoverage>> documentCounts(SqlClient client, UUID runId) {
    return client
        .preparedQuery(
            "SELECT schema_scope, count(*) FILTER (WHERE document) AS n,"
                + " count(DISTINCT resource_key) AS requested,"
                + " count(DISTINCT resource_key) FILTER (WHERE document) AS delivered"
                + " FROM latency_samples WHERE run_id = $1 GROUP BY schema_scope")
        .execute(Tuple.of(runId))
        .map(
            rows -> {
              Map<String, ScopeCoverage> counts = new HashMap<>();
              for (Row row : rows) {
                counts.put(
                    row.getString("schema_scope"),
                    new ScopeCoverage(
                        row.getLong("n"), row.getLong("requested"), row.getLong("delivered")));
              }
              return counts;
            });
  }

  static ProbeRun run(Row row) {
    String[] endpoints = row.getArrayOfStrings("endpoints");
    return new ProbeRun(
        row.getUUID("run_id"),
        row.getString("suite"),
        endpoints == null ? List.of() : Arrays.asList(endpoints),
        Timestamps.instant(row.getOffsetDateTime("started_at")),
        Timestamps.instant(row.getOffsetDateTime("finished_at")),
        row.getString("status"),
        row.getLong("requests"),
        row.getString("release_hash"),
        row.getString("deploy_date"),
        row.getLong("captures_published"));
  }

  /**
   * A finished run waiting to be evaluated.
   *
   * @param run the run
   * @param quiet whether nothing of it arrived for the settle time since its end was seen
   * @param overdue whether its end was seen longer ago than the bound for missing captures
   */
  public record FinishedRun(ProbeRun run, boolean quiet, boolean overdue) {}
}
