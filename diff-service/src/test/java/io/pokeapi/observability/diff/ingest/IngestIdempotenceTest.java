package io.pokeapi.observability.diff.ingest;

import static io.pokeapi.observability.diff.support.Fixtures.pokemon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.common.testsupport.PostgresDatabaseResource;
import io.pokeapi.observability.diff.support.Captures;
import io.pokeapi.observability.diff.support.Db;
import io.pokeapi.observability.diff.support.DiffTopicsResource;
import io.pokeapi.observability.diff.support.Fixtures;
import io.pokeapi.observability.diff.support.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
@WithTestResource(DiffTopicsResource.class)
class IngestIdempotenceTest {

  @Inject Pool pool;
  @Inject MeterRegistry registry;

  private Db db;
  private String endpoint;
  private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @BeforeEach
  void setUp() {
    db = new Db(pool);
    endpoint = Fixtures.uniqueEndpoint("pokemon");
  }

  @Test
  void replayingTheSameCapturesStoresNothingNew() {
    UUID run = UUID.randomUUID();
    List<ApiResponseCaptured> captures = new ArrayList<>();
    captures.add(ok(run, "1", pokemon(1, "bulbasaur", 69), "rel-a", 0));
    captures.add(ok(run, "2", pokemon(2, "ivysaur", 130), "rel-a", 1));
    captures.add(ok(run, "3", pokemon(3, "venusaur", 1000), "rel-a", 2));
    captures.add(ok(run, "bulbasaur", pokemon(1, "bulbasaur", 69), "rel-a", 3));
    captures.add(Captures.notFound(run, "sweep", endpoint, "99999", t0.plusSeconds(4)));

    double stored = counter("pokeapi.snapshots.stored");
    double deduplicated = counter("pokeapi.snapshots.deduplicated");
    ingest(captures);

    assertThat(tableCounts()).containsExactly(3L, 3L, 0L, 5L, 4L);
    assertThat(counter("pokeapi.snapshots.stored") - stored).isEqualTo(3);
    assertThat(counter("pokeapi.snapshots.deduplicated") - deduplicated).isEqualTo(1);

    ingest(captures);
    ingest(captures.reversed());

    assertThat(tableCounts()).containsExactly(3L, 3L, 0L, 5L, 4L);
    assertThat(counter("pokeapi.snapshots.stored") - stored).isEqualTo(3);
    assertThat(counter("pokeapi.snapshots.deduplicated") - deduplicated).isEqualTo(9);
  }

  @Test
  void anUnchangedSweepOnlyMovesLastSeen() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    ingest(List.of(ok(first, "25", pokemon(25, "pikachu", 60), "rel-a", 0)));
    ingest(List.of(ok(second, "25", pokemon(25, "pikachu", 60), "rel-a", 3600)));

    var row =
        db.rows(
                "SELECT first_seen, last_seen, first_run_id, last_run_id FROM snapshots"
                    + " WHERE endpoint = $1",
                endpoint)
            .getFirst();
    assertThat(row.getOffsetDateTime("first_seen").toInstant()).isEqualTo(t0);
    assertThat(row.getOffsetDateTime("last_seen").toInstant()).isEqualTo(t0.plusSeconds(3600));
    assertThat(row.getUUID("first_run_id")).isEqualTo(first);
    assertThat(row.getUUID("last_run_id")).isEqualTo(second);
    assertThat(tableCounts()).containsExactly(1L, 1L, 0L, 2L, 1L);
  }

  @Test
  void aNotModifiedAnswerCountsAsASightingOfTheCurrentBody() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    ingest(List.of(ok(first, "pikachu", pokemon(25, "pikachu", 60), "rel-a", 0)));
    ingest(
        List.of(
            Captures.notModified(
                second, "sweep", endpoint, "pikachu", "rel-a", t0.plusSeconds(60))));

    assertThat(
            db.count(
                "SELECT count(*) FROM snapshots WHERE endpoint = $1 AND last_run_id = $2",
                endpoint,
                second))
        .isEqualTo(1);
    assertThat(
            db.count(
                "SELECT count(*) FROM latency_samples WHERE endpoint = $1 AND document AND run_id = $2",
                endpoint,
                second))
        .isEqualTo(1);
  }

  /** snapshots, heads, data changes, latency samples, resource keys of the test's endpoint. */
  private List<Long> tableCounts() {
    return List.of(
        db.count("SELECT count(*) FROM snapshots WHERE endpoint = $1", endpoint),
        db.count("SELECT count(*) FROM resource_heads WHERE endpoint = $1", endpoint),
        db.count("SELECT count(*) FROM data_changes WHERE endpoint = $1", endpoint),
        db.count("SELECT count(*) FROM latency_samples WHERE endpoint = $1", endpoint),
        db.count("SELECT count(*) FROM resource_keys WHERE endpoint = $1", endpoint));
  }

  private ApiResponseCaptured ok(UUID run, String key, String body, String release, long second) {
    return Captures.ok(run, "sweep", endpoint, key, body, release, t0.plusSeconds(second));
  }

  /** Publishes captures and waits until the service took them all in. */
  private void ingest(List<ApiResponseCaptured> captures) {
    double before = counter("pokeapi.captures.ingested");
    TestKafka.publish(captures);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> counter("pokeapi.captures.ingested") - before >= captures.size());
  }

  private double counter(String name) {
    var counter = registry.find(name).counter();
    return counter == null ? 0 : counter.count();
  }
}
