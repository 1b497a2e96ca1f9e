package io.pokeapi.observability.diff.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code latency_samples} table: one row per captured response (a replay adds none), the input
 * of the performance baselines.
 */
@ApplicationScoped
public class LatencySampleRepository {

  /**
   * The body a URL answered with last before some time: what a 304 Not Modified of that URL at that
   * time confirmed (the probe's ETag cache is kept per URL).
   *
   * @param content the stored body
   * @param answeredAt when the URL answered with it
   */
  public record UrlAnswer(KnownContent content, Instant answeredAt) {}

  /** Latency percentiles of a schema scope over some samples, in milliseconds. */
  public record Percentiles(String endpoint, long samples, double p50, double p95, double p99) {}

  /**
   * Stores samples not stored yet.
   *
   * @return how many were new
   */
  public Uni<Integer> insert(SqlClient client, Collection<LatencySample> samples) {
    if (samples.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    int n = samples.size();
    UUID[] runs = new UUID[n];
    String[] urls = new String[n];
    String[] methods = new String[n];
    OffsetDateTime[] captured = new OffsetDateTime[n];
    String[] endpoints = new String[n];
    String[] keys = new String[n];
    Integer[] statuses = new Integer[n];
    Long[] latencies = new Long[n];
    String[] scopes = new String[n];
    Boolean[] documents = new Boolean[n];
    String[] shas = new String[n];
    String[] resourceIds = new String[n];
    int i = 0;
    for (LatencySample s : samples) {
      runs[i] = s.runId();
      urls[i] = s.url();
      methods[i] = s.method();
      captured[i] = Timestamps.utc(s.capturedAt());
      endpoints[i] = s.endpoint();
      keys[i] = s.resourceKey();
      statuses[i] = s.status();
      latencies[i] = s.latencyMicros();
      scopes[i] = s.schemaScope();
      documents[i] = s.document();
      shas[i] = s.sha256();
      resourceIds[i] = s.resourceId();
      i++;
    }
    return client
        .preparedQuery(
            """
            INSERT INTO latency_samples (run_id, url, method, captured_at, endpoint, resource_key,
                                         status, latency_us, schema_scope, document, sha256,
                                         resource_id)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[],
                                 $5::text[], $6::text[], $7::int[], $8::bigint[], $9::text[],
                                 $10::boolean[], $11::text[], $12::text[])
            ON CONFLICT DO NOTHING
            """)
        .execute(
            Tuple.from(
                new Object[] {
                  runs,
                  urls,
                  methods,
                  captured,
                  endpoints,
                  keys,
                  statuses,
                  latencies,
                  scopes,
                  documents,
                  shas,
                  resourceIds
                }))
        .map(RowSet::rowCount);
  }

  /**
   * For each {@code (endpoint, url, time)}, the stored body the URL answered with last before the
   * time, if any.
   *
   * @return the answers by index into the lists
   */
  public Uni<Map<Integer, UrlAnswer>> lastAnswers(
      SqlClient client, List<String> endpoints, List<String> urls, List<Instant> before) {
    if (urls.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return client
        .preparedQuery(
            """
            SELECT w.i, s.id, s.endpoint, s.sha256, s.resource_id, s.id_from_body, s.shape,
                   s.last_seen, s.last_run_id, s.last_release_hash, l.captured_at AS answered_at
              FROM unnest($1::text[], $2::text[], $3::timestamptz[])
                   WITH ORDINALITY AS w(endpoint, url, before, i)
              CROSS JOIN LATERAL (
                SELECT sha256, resource_id, captured_at FROM latency_samples l
                 WHERE l.url = w.url AND l.captured_at < w.before AND l.sha256 IS NOT NULL
                   AND l.endpoint = w.endpoint
                 ORDER BY l.captured_at DESC LIMIT 1) l
              JOIN snapshots s
                ON s.endpoint = w.endpoint AND s.sha256 = l.sha256 AND s.resource_id = l.resource_id
            """)
        .execute(
            Tuple.of(
                endpoints.toArray(String[]::new),
                urls.toArray(String[]::new),
                before.stream().map(Timestamps::utc).toArray(OffsetDateTime[]::new)))
        .map(
            rows -> {
              Map<Integer, UrlAnswer> answers = new HashMap<>();
              for (Row row : rows) {
                answers.put(
                    (int) (row.getLong("i") - 1),
                    new UrlAnswer(
                        new KnownContent(
                            row.getLong("id"),
                            row.getString("endpoint"),
                            row.getString("sha256"),
                            row.getString("resource_id"),
                            row.getBoolean("id_from_body"),
                            row.getString("shape"),
                            Timestamps.instant(row.getOffsetDateTime("last_seen")),
                            row.getUUID("last_run_id"),
                            row.getString("last_release_hash")),
                        Timestamps.instant(row.getOffsetDateTime("answered_at"))));
              }
              return answers;
            });
  }

  /**
   * p50, p95 and p99 of the successful (2xx) latencies per endpoint captured in {@code [from, to)},
   * from runs already evaluated: the samples of a run that is still going or not yet evaluated are
   * left out, so that a run is never compared with a baseline that holds its own samples (a
   * recompute that ran while a slow run was being stored used to raise that run's baseline with the
   * run's own latencies).
   */
  public Uni<List<Percentiles>> windowPercentiles(SqlClient client, Instant from, Instant to) {
    return client
        .preparedQuery(
            """
            SELECT s.schema_scope AS endpoint, count(*) AS samples,
                   percentile_cont(ARRAY[0.5, 0.95, 0.99])
                       WITHIN GROUP (ORDER BY s.latency_us) AS p
              FROM latency_samples s
             WHERE s.captured_at >= $1 AND s.captured_at < $2
               AND s.status BETWEEN 200 AND 299 AND s.latency_us IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM probe_runs r
                                WHERE r.run_id = s.run_id AND r.finalized_at IS NULL)
             GROUP BY s.schema_scope
            """)
        .execute(Tuple.of(Timestamps.utc(from), Timestamps.utc(to)))
        .map(LatencySampleRepository::percentiles);
  }

  /** p50, p95 and p99 of the successful latencies of one run, per schema scope. */
  public Uni<List<Percentiles>> runPercentiles(SqlClient client, UUID runId) {
    return client
        .preparedQuery(
            """
            SELECT schema_scope AS endpoint, count(*) AS samples,
                   percentile_cont(ARRAY[0.5, 0.95, 0.99])
                       WITHIN GROUP (ORDER BY latency_us) AS p
              FROM latency_samples
             WHERE run_id = $1 AND status BETWEEN 200 AND 299 AND latency_us IS NOT NULL
             GROUP BY schema_scope
            """)
        .execute(Tuple.of(runId))
        .map(LatencySampleRepository::percentiles);
  }

  /** Deletes samples captured before {@code before}; returns how many. */
  public Uni<Integer> deleteOlderThan(SqlClient client, Instant before) {
    return client
        .preparedQuery("DELETE FROM latency_samples WHERE captured_at < $1")
        .execute(Tuple.of(Timestamps.utc(before)))
        .map(RowSet::rowCount);
  }

  private static List<Percentiles> percentiles(RowSet<Row> rows) {
    List<Percentiles> result = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Double[] p = row.getArrayOfDoubles("p");
      result.add(
          new Percentiles(
              row.getString("endpoint"),
              row.getLong("samples"),
              p[0] / 1000.0,
              p[1] / 1000.0,
              p[2] / 1000.0));
    }
    return result;
  }
}
