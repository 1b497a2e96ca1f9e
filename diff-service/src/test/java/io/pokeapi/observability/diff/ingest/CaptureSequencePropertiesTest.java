package io.pokeapi.observability.diff.ingest;

import static io.pokeapi.observability.diff.support.Fixtures.pokemon;
import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.common.testsupport.PostgresDatabaseResource;
import io.pokeapi.observability.diff.support.Captures;
import io.pokeapi.observability.diff.support.Db;
import io.pokeapi.observability.diff.support.DiffTopicsResource;
import io.pokeapi.observability.diff.support.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 1, made a class of its own: random sequences of captures, as a probe with a per-URL
 * ETag cache makes them against an API whose bodies switch back and forth between versions (CDN
 * edges disagreeing), by id and by name, with and without trailing slash, 200 and 304, with
 * failures and probe restarts in between, cut into random batches across several runs, go through
 * the real ingest path into the real database. Then:
 *
 * <ul>
 *   <li>every batch is stored (no ingest fails);
 *   <li>every body served with a 200 is stored under its SHA-256 with the served JSON;
 *   <li>each resource's head is the body served last (a 304 serves the body its URL's cache holds);
 *   <li>the data changes are exactly the steps between consecutive different served bodies, each
 *       pointing to the snapshots of its two bodies;
 *   <li>replaying everything (cut into other batches) changes nothing.
 * </ul>
 *
 * jqwik generates the scenarios with a fixed seed ({@link #SEED}); a failure prints the scenario.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
@WithTestResource(DiffTopicsResource.class)
class CaptureSequencePropertiesTest {

  private static final String SEED = "20261201";
  private static final int TRIES = 30;
  private static final int VERSIONS = 3;

  @Inject Pool pool;
  @Inject ResponseIngestor ingestor;

  /** One thing the probe does. */
  sealed interface Step permits Request, Failure, NewRun {}

  /**
   * A request of one URL answered with one version of its resource's body.
   *
   * @param resource which resource (0 or 1)
   * @param url which of its URLs: by id or by name, with or without trailing slash
   * @param version the body version the edge serves
   * @param unconditional whether the probe sends no If-None-Match (its cache entry evicted)
   */
  record Request(int resource, int url, int version, boolean unconditional) implements Step {}

  /** A request that got no body (500 or 404). */
  record Failure(int resource, int url, int status) implements Step {}

  /** The next run starts; {@code probeRestarted} empties the probe's ETag cache. */
  record NewRun(boolean probeRestarted) implements Step {}

  /** A scenario: the steps and where the batches are cut. */
  record Scenario(List<Step> steps, List<Integer> cuts, List<Integer> replayCuts, long shuffle) {}

  @Test
  void everyBatchIsStoredAndTheHistoryIsWhatWasServed() {
    JqwikSession.run(
        SEED,
        () -> {
          for (int i = 0; i < TRIES; i++) {
            Scenario scenario = scenarios().sample();
            try {
              check(scenario);
            } catch (AssertionError | RuntimeException e) {
              throw new AssertionError(
                  "try " + i + " (seed " + SEED + ") failed for " + scenario, e);
            }
          }
        });
  }

  private static Arbitrary<Scenario> scenarios() {
    Arbitrary<Step> request =
        Combinators.combine(
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, VERSIONS - 1),
                Arbitraries.of(true, false, false, false))
            .as(Request::new);
    Arbitrary<Step> failure =
        Combinators.combine(
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(500, 404))
            .as(Failure::new);
    Arbitrary<Step> newRun = Arbitraries.of(true, false).map(NewRun::new);
    Arbitrary<Step> step =
        Arbitraries.frequencyOf(
            Tuple2s.of(14, request), Tuple2s.of(2, failure), Tuple2s.of(2, newRun));
    Arbitrary<List<Integer>> cuts = Arbitraries.integers().between(1, 8).list().ofMaxSize(6);
    return Combinators.combine(
            step.list().ofMinSize(4).ofMaxSize(28), cuts, cuts, Arbitraries.longs())
        .as(Scenario::new);
  }

  /** {@code jqwik}'s weighted choice, spelled once. */
  private static final class Tuple2s {
    static net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends Step>> of(
        int weight, Arbitrary<? extends Step> arbitrary) {
      return net.jqwik.api.Tuple.of(weight, arbitrary);
    }
  }

  private void check(Scenario scenario) {
    Db db = new Db(pool);
    String endpoint = Fixtures.uniqueEndpoint("pokemon");
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    int[] ids = {7, 8};
    String[] names = {"mon-a", "mon-b"};
    String[][] bodies = new String[2][VERSIONS];
    for (int r = 0; r < 2; r++) {
      for (int v = 0; v < VERSIONS; v++) {
        bodies[r][v] = pokemon(ids[r], names[r], 100 + v);
      }
    }

    // play the probe: a per-URL ETag cache, so a 304 serves the body the URL answered with last
    List<ApiResponseCaptured> captures = new ArrayList<>();
    Map<String, Integer> cache = new HashMap<>();
    List<List<Integer>> served = List.of(new ArrayList<>(), new ArrayList<>());
    UUID run = UUID.randomUUID();
    int second = 0;
    for (Step step : scenario.steps()) {
      Instant at = t0.plusSeconds(++second);
      switch (step) {
        case NewRun n -> {
          run = UUID.randomUUID();
          if (n.probeRestarted()) {
            cache.clear();
          }
        }
        case Failure f -> {
          String key = key(ids, names, f.resource(), f.url());
          captures.add(
              new ApiResponseCaptured(
                  ApiResponseCaptured.SCHEMA_VERSION,
                  run,
                  "smoke",
                  endpoint,
                  key,
                  url(endpoint, key),
                  "GET",
                  f.status(),
                  Captures.headers("rel-a"),
                  Duration.ofMillis(9),
                  null,
                  null,
                  at));
        }
        case Request q -> {
          String key = key(ids, names, q.resource(), q.url());
          String url = url(endpoint, key);
          Integer cached = cache.get(url);
          if (!q.unconditional() && cached != null && cached == q.version()) {
            captures.add(
                new ApiResponseCaptured(
                    ApiResponseCaptured.SCHEMA_VERSION,
                    run,
                    "smoke",
                    endpoint,
                    key,
                    url,
                    "GET",
                    304,
                    Captures.headers("rel-a"),
                    Duration.ofMillis(3),
                    null,
                    null,
                    at));
          } else {
            captures.add(
                ApiResponseCaptured.of(
                    run,
                    "smoke",
                    endpoint,
                    key,
                    url,
                    "GET",
                    200,
                    Captures.headers("rel-a"),
                    Duration.ofMillis(30),
                    bodies[q.resource()][q.version()],
                    at));
            cache.put(url, q.version());
          }
          served.get(q.resource()).add(q.version());
        }
      }
    }

    ingestInBatches(captures, scenario.cuts(), new Random(scenario.shuffle()));
    List<Long> counts = counts(db, endpoint);
    assertHistory(db, endpoint, ids, bodies, served, captures.size());

    ingestInBatches(captures, scenario.replayCuts(), new Random(scenario.shuffle() + 1));
    assertThat(counts(db, endpoint)).as("a replay changes nothing").isEqualTo(counts);
    assertHistory(db, endpoint, ids, bodies, served, captures.size());
  }

  private void assertHistory(
      Db db,
      String endpoint,
      int[] ids,
      String[][] bodies,
      List<List<Integer>> served,
      int captures) {
    assertThat(db.count("SELECT count(*) FROM latency_samples WHERE endpoint = $1", endpoint))
        .as("every capture stored once")
        .isEqualTo(captures);
    for (int r = 0; r < 2; r++) {
      String id = Integer.toString(ids[r]);
      List<Integer> versions = served.get(r);
      Set<Integer> servedFull = new TreeSet<>(versions);
      for (int v : servedFull) {
        assertThat(
                db.count(
                    "SELECT count(*) FROM snapshots WHERE endpoint = $1 AND resource_id = $2"
                        + " AND sha256 = $3 AND body = ($4::text)::jsonb",
                    endpoint,
                    id,
                    sha(bodies, r, v),
                    bodies[r][v]))
            .as("version %d of resource %s stored as served", v, id)
            .isEqualTo(1);
      }
      assertThat(
              db.count(
                  "SELECT count(*) FROM snapshots WHERE endpoint = $1 AND resource_id = $2",
                  endpoint,
                  id))
          .as("no other body stored for %s", id)
          .isEqualTo(servedFull.size());
      List<Row> head =
          db.rows(
              "SELECT h.sha256, s.sha256 FROM resource_heads h JOIN snapshots s"
                  + " ON s.id = h.snapshot_id WHERE h.endpoint = $1 AND h.resource_id = $2",
              endpoint,
              id);
      if (versions.isEmpty()) {
        assertThat(head).isEmpty();
        continue;
      }
      String last = sha(bodies, r, versions.get(versions.size() - 1));
      assertThat(head).hasSize(1);
      assertThat(head.get(0).getString(0))
          .as("head of %s is the body served last", id)
          .isEqualTo(last);
      assertThat(head.get(0).getString(1)).isEqualTo(last);

      Set<String> expected = new LinkedHashSet<>();
      for (int i = 1; i < versions.size(); i++) {
        if (!versions.get(i).equals(versions.get(i - 1))) {
          expected.add(sha(bodies, r, versions.get(i - 1)) + ">" + sha(bodies, r, versions.get(i)));
        }
      }
      List<String> changes =
          db
              .rows(
                  "SELECT c.from_sha256, c.to_sha256, f.sha256, t.sha256 FROM data_changes c"
                      + " JOIN snapshots f ON f.id = c.from_snapshot_id"
                      + " JOIN snapshots t ON t.id = c.to_snapshot_id"
                      + " WHERE c.endpoint = $1 AND c.resource_id = $2",
                  endpoint,
                  id)
              .stream()
              .map(
                  row -> {
                    assertThat(row.getString(2)).isEqualTo(row.getString(0));
                    assertThat(row.getString(3)).isEqualTo(row.getString(1));
                    return row.getString(0) + ">" + row.getString(1);
                  })
              .toList();
      assertThat(changes)
          .as("data changes of %s are the steps between served bodies", id)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private void ingestInBatches(
      List<ApiResponseCaptured> captures, List<Integer> cuts, Random random) {
    int from = 0;
    int cut = 0;
    while (from < captures.size()) {
      int size = cut < cuts.size() ? cuts.get(cut++) : captures.size();
      int to = Math.min(captures.size(), from + size);
      List<ApiResponseCaptured> batch = new ArrayList<>(captures.subList(from, to));
      Collections.shuffle(batch, random); // records of several partitions interleave in a batch
      ingestor.ingest(batch).await().atMost(Duration.ofSeconds(60));
      from = to;
    }
  }

  private static List<Long> counts(Db db, String endpoint) {
    List<Long> counts = new ArrayList<>();
    for (String table :
        List.of(
            "snapshots", "data_changes", "resource_heads", "latency_samples", "resource_keys")) {
      counts.add(db.count("SELECT count(*) FROM " + table + " WHERE endpoint = $1", endpoint));
    }
    counts.add(
        db.count(
            "SELECT count(*) FROM resource_heads h JOIN snapshots s ON s.id = h.snapshot_id"
                + " WHERE h.endpoint = $1 AND s.sha256 = h.sha256",
            endpoint));
    return counts;
  }

  private static String key(int[] ids, String[] names, int resource, int url) {
    String key = url < 2 ? Integer.toString(ids[resource]) : names[resource];
    return url % 2 == 0 ? key : key + "/";
  }

  private static String url(String endpoint, String key) {
    return "https://pokeapi.test/api/v2/" + endpoint + "/" + key;
  }

  private static String sha(String[][] bodies, int resource, int version) {
    return ApiResponseCaptured.sha256Hex(bodies[resource][version]);
  }
}
