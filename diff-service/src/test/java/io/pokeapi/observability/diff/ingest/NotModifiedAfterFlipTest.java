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
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 1: the data was switched to a changed copy and back (CDN edges disagreeing); one
 * batch then held {@code pokemon/25} (200, the old body again) and {@code pokemon/pikachu} (304).
 * The 304 became the new side of a data change without a body ({@code IllegalArgumentException:
 * argument "content" is null} in {@code BatchWriter$Write.diff}) and the batch could never be
 * stored.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
@WithTestResource(DiffTopicsResource.class)
class NotModifiedAfterFlipTest {

  @Inject Pool pool;
  @Inject ResponseIngestor ingestor;

  private Db db;
  private String endpoint;
  private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @BeforeEach
  void setUp() {
    db = new Db(pool);
    endpoint = Fixtures.uniqueEndpoint("pokemon");
  }

  @Test
  void aNotModifiedNextToTheOldBodyAgainIsStoredAsWhatItsUrlServedLast() {
    String a = pokemon(25, "pikachu", 60);
    String b = pokemon(25, "pikachu", 61);
    UUID first = UUID.randomUUID();
    UUID changed = UUID.randomUUID();
    UUID back = UUID.randomUUID();
    ingest(List.of(ok(first, "25", a, 0), ok(first, "pikachu", a, 1)));
    ingest(List.of(ok(changed, "25", b, 10), ok(changed, "pikachu", b, 11)));

    // the reported batch: 25 answers the old body again, pikachu's URL says its body (b) is current
    ingest(
        List.of(
            ok(back, "25", a, 20),
            Captures.notModified(back, "smoke", endpoint, "pikachu", "rel-a", t0.plusSeconds(21))));

    assertThat(
            db.count(
                "SELECT count(*) FROM resource_heads h JOIN snapshots s ON s.id = h.snapshot_id"
                    + " WHERE h.endpoint = $1 AND h.resource_id = '25' AND s.sha256 = $2",
                endpoint,
                ApiResponseCaptured.sha256Hex(b)))
        .as("the head is the last body served: pikachu's 304 stands for b")
        .isEqualTo(1);
    assertThat(
            db
                .rows(
                    "SELECT c.from_sha256, c.to_sha256 FROM data_changes c WHERE c.endpoint = $1"
                        + " ORDER BY c.id",
                    endpoint)
                .stream()
                .map(r -> r.getString(0).substring(0, 6) + ">" + r.getString(1).substring(0, 6))
                .toList())
        .containsExactly(
            ApiResponseCaptured.sha256Hex(a).substring(0, 6)
                + ">"
                + ApiResponseCaptured.sha256Hex(b).substring(0, 6),
            ApiResponseCaptured.sha256Hex(b).substring(0, 6)
                + ">"
                + ApiResponseCaptured.sha256Hex(a).substring(0, 6));
    assertThat(db.count("SELECT count(*) FROM latency_samples WHERE endpoint = $1", endpoint))
        .isEqualTo(6);
  }

  private ApiResponseCaptured ok(UUID run, String key, String body, long second) {
    return Captures.ok(run, "smoke", endpoint, key, body, "rel-a", t0.plusSeconds(second));
  }

  private void ingest(List<ApiResponseCaptured> captures) {
    ingestor.ingest(captures).await().atMost(Duration.ofSeconds(60));
  }
}
