package io.pokeapi.observability.diff.drift;

import static io.pokeapi.observability.diff.support.Fixtures.pokemon;
import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.contract.DriftDetected;
import io.pokeapi.observability.common.contract.DriftKind;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.common.testsupport.PostgresDatabaseResource;
import io.pokeapi.observability.diff.support.Captures;
import io.pokeapi.observability.diff.support.Db;
import io.pokeapi.observability.diff.support.DiffTopicsResource;
import io.pokeapi.observability.diff.support.Fixtures;
import io.pokeapi.observability.diff.support.Runs;
import io.pokeapi.observability.diff.support.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Release linking: a change of content under the same {@code X-PokeAPI-Hash}, or two different
 * answers for one resource in one run, is marked as an edge inconsistency, not a release.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
@WithTestResource(DiffTopicsResource.class)
class EdgeInconsistencyTest {

  @Inject Pool pool;

  private Db db;
  private Runs runs;
  private String endpoint;
  private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @BeforeEach
  void setUp() {
    db = new Db(pool);
    runs = new Runs(db);
    endpoint = Fixtures.uniqueEndpoint("pokemon");
  }

  @Test
  void contentChangedUnderTheSameReleaseHashIsAnEdgeInconsistency() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    runs.play(first, "smoke", endpoint, List.of(capture(first, "25", 60, "rel-a", 0)));
    runs.play(second, "smoke", endpoint, List.of(capture(second, "25", 61, "rel-a", 60)));

    assertThat(inconsistencies()).containsExactly("same-release");
    List<DriftDetected> events =
        TestKafka.driftEvents(
            e -> e.endpoint().equals(endpoint) && e.kind() == DriftKind.DATA,
            1,
            Duration.ofSeconds(20));
    assertThat(events).singleElement().satisfies(e -> assertThat(e.edgeInconsistency()).isTrue());
  }

  @Test
  void twoAnswersForOneResourceInOneRunAreAnEdgeInconsistency() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    runs.play(first, "smoke", endpoint, List.of(capture(first, "25", 60, "rel-a", 0)));
    runs.play(
        second,
        "smoke",
        endpoint,
        List.of(
            capture(second, "25", 60, "rel-b", 60),
            capture(second, "pikachu", 61, "rel-b", 61),
            capture(second, "pikachu/", 61, "rel-b", 62)));

    assertThat(inconsistencies()).containsExactly("same-run");
  }

  @Test
  void aChangeUnderANewReleaseIsLinkedToIt() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    runs.play(first, "smoke", endpoint, List.of(capture(first, "25", 60, "rel-a", 0)));
    runs.play(second, "smoke", endpoint, List.of(capture(second, "25", 61, "rel-b", 60)));

    assertThat(
            db.rows(
                "SELECT release_hash, deploy_date, edge_inconsistency FROM data_changes"
                    + " WHERE endpoint = $1",
                endpoint))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.getString("release_hash")).isEqualTo("rel-b");
              assertThat(row.getString("deploy_date")).isEqualTo("2026-08-06T08:15:22Z");
              assertThat(row.getBoolean("edge_inconsistency")).isFalse();
            });
  }

  private List<String> inconsistencies() {
    return db
        .rows(
            "SELECT inconsistency FROM data_changes WHERE endpoint = $1 AND edge_inconsistency"
                + " ORDER BY id",
            endpoint)
        .stream()
        .map(r -> r.getString("inconsistency"))
        .toList();
  }

  private io.pokeapi.observability.common.contract.ApiResponseCaptured capture(
      UUID run, String key, int weight, String release, long second) {
    return Captures.ok(
        run,
        "smoke",
        endpoint,
        key,
        pokemon(25, "pikachu", weight),
        release,
        t0.plusSeconds(second));
  }
}
