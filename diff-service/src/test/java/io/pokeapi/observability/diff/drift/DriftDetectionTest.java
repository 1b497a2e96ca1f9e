package io.pokeapi.observability.diff.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
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
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schema drift and data drift end to end: a first full sweep establishes the baseline, later runs
 * change one thing each, and each change must be found once, at the right path, and published.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
@WithTestResource(DiffTopicsResource.class)
class DriftDetectionTest {

  private static final String V1 = "release-1";
  private static final String V2 = "release-2";

  @Inject Pool pool;

  private Db db;
  private Runs runs;
  private String endpoint;
  private Instant clock = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @BeforeEach
  void baseline() {
    db = new Db(pool);
    runs = new Runs(db);
    endpoint = Fixtures.uniqueEndpoint("pokemon");
    sweepBaselineBodies(V1);
    assertThat(db.count("SELECT count(*) FROM schema_heads WHERE schema_scope = $1", endpoint))
        .as("the first full sweep establishes the baseline")
        .isEqualTo(1);
  }

  @Test
  void aChangedFieldIsOneDataChangeWithItsPathAndValues() {
    sweep(
        V2,
        body(1, "bulbasaur", "70", "64", ""),
        body(2, "ivysaur", "130", "null", ",\"form\":\"x\""),
        body(3, "venusaur", "1000", "236", ""));

    List<Row> changes =
        db.rows(
            "SELECT resource_id, operations::text AS ops, release_hash, previous_release_hash,"
                + " edge_inconsistency FROM data_changes WHERE endpoint = $1",
            endpoint);
    assertThat(changes).hasSize(1);
    Row change = changes.getFirst();
    assertThat(change.getString("resource_id")).isEqualTo("1");
    assertThat(change.getString("ops"))
        .isEqualTo(
            "[{\"path\": \"/weight\", \"breaking\": false, \"newValue\": 70, \"oldValue\": 69,"
                + " \"changeType\": \"replace\"}]");
    assertThat(change.getString("release_hash")).isEqualTo(V2);
    assertThat(change.getString("previous_release_hash")).isEqualTo(V1);
    assertThat(change.getBoolean("edge_inconsistency")).isFalse();
    assertThat(schemaChanges()).isEmpty();

    List<DriftDetected> events = events(DriftKind.DATA, 1);
    assertThat(events).hasSize(1);
    assertThat(events.getFirst().resourceKey()).isEqualTo("1");
    assertThat(events.getFirst().releaseHash()).isEqualTo(V2);
    assertThat(events.getFirst().changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.changeType()).isEqualTo("replace");
              assertThat(c.path()).isEqualTo("/weight");
              assertThat(c.oldValue().asInt()).isEqualTo(69);
              assertThat(c.newValue().asInt()).isEqualTo(70);
            });
  }

  @Test
  void anAddedFieldIsDetectedOnceWithItsPath() {
    sweepBodiesWithHeight(V2);
    sweepBodiesWithHeight(V2);

    assertThat(schemaChanges()).containsExactly("FIELD_ADDED /height");
    List<DriftDetected> events = events(DriftKind.SCHEMA, 1);
    assertThat(events).hasSize(1);
    assertThat(events.getFirst().changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.changeType()).isEqualTo("field_added");
              assertThat(c.path()).isEqualTo("/height");
              assertThat(c.breaking()).isFalse();
            });
    assertThat(events.getFirst().releaseHash()).isEqualTo(V2);
  }

  @Test
  void unchangedSweepsSettleNothingAndAFieldAddedAfterThemIsStillDetected() {
    // the second and third sweeps see the shapes the baseline saw: their merged schema is the
    // one remembered from the baseline's evaluation, not read again
    sweepBaselineBodies(V1);
    sweepBaselineBodies(V1);
    assertThat(schemaChanges()).isEmpty();
    assertThat(db.count("SELECT count(*) FROM schema_versions WHERE schema_scope = $1", endpoint))
        .as("unchanged sweeps add no schema version")
        .isEqualTo(1);

    sweepBodiesWithHeight(V2);
    sweepBodiesWithHeight(V2);
    assertThat(schemaChanges()).containsExactly("FIELD_ADDED /height");

    sweepBaselineBodies(V2);
    sweepBaselineBodies(V2);
    assertThat(schemaChanges())
        .as("back to the baseline's shapes: the field's removal is drift too")
        .containsExactly("FIELD_ADDED /height", "FIELD_REMOVED /height");
  }

  @Test
  void aRemovedFieldIsDetectedOnceWhenTheSweepEnds() {
    sweep(
        V2,
        body(1, "bulbasaur", "69", null, ""),
        body(2, "ivysaur", "130", null, ",\"form\":\"x\""),
        body(3, "venusaur", "1000", null, ""));
    sweep(
        V2,
        body(1, "bulbasaur", "69", null, ""),
        body(2, "ivysaur", "130", null, ",\"form\":\"x\""),
        body(3, "venusaur", "1000", null, ""));

    assertThat(schemaChanges()).containsExactly("FIELD_REMOVED /base_experience");
    List<DriftDetected> events = events(DriftKind.SCHEMA, 1);
    assertThat(events).hasSize(1);
    assertThat(events.getFirst().changes())
        .singleElement()
        .satisfies(c -> assertThat(c.breaking()).isTrue());
  }

  @Test
  void aTypeChangeIsDetectedOnceWithItsPath() {
    sweep(
        V2,
        body(1, "bulbasaur", "\"69\"", "64", ""),
        body(2, "ivysaur", "\"130\"", "null", ",\"form\":\"x\""),
        body(3, "venusaur", "\"1000\"", "236", ""));
    sweep(
        V2,
        body(1, "bulbasaur", "\"69\"", "64", ""),
        body(2, "ivysaur", "\"130\"", "null", ",\"form\":\"x\""),
        body(3, "venusaur", "\"1000\"", "236", ""));

    assertThat(schemaChanges()).containsExactly("TYPE_CHANGED /weight");
    assertThat(events(DriftKind.SCHEMA, 1)).hasSize(1);
  }

  @Test
  void differentResourcesOfAnEndpointNeverRaiseSchemaDrift() {
    UUID smoke = UUID.randomUUID();
    runs.play(
        smoke,
        "smoke",
        endpoint,
        List.of(
            capture(smoke, "4", body(4, "charmander", "85", "null", ",\"form\":\"y\""), V1),
            capture(smoke, "5", body(5, "charmeleon", "190", "142", ""), V1),
            capture(
                smoke, "charmander", body(4, "charmander", "85", "null", ",\"form\":\"y\""), V1)));
    sweep(
        V1,
        body(1, "bulbasaur", "69", "64", ""),
        body(2, "ivysaur", "130", "null", ",\"form\":\"x\""),
        body(3, "venusaur", "1000", "236", ""),
        body(4, "charmander", "85", "null", ",\"form\":\"y\""));

    assertThat(schemaChanges()).isEmpty();
    assertThat(db.count("SELECT count(*) FROM data_changes WHERE endpoint = $1", endpoint))
        .isZero();
  }

  /** A full sweep that sees the bodies of the baseline. */
  private void sweepBaselineBodies(String release) {
    sweep(
        release,
        body(1, "bulbasaur", "69", "64", ""),
        body(2, "ivysaur", "130", "null", ",\"form\":\"x\""),
        body(3, "venusaur", "1000", "236", ""));
  }

  /** A full sweep that sees the baseline's bodies with a {@code height} added to each. */
  private void sweepBodiesWithHeight(String release) {
    sweep(
        release,
        body(1, "bulbasaur", "69", "64", ",\"height\":7"),
        body(2, "ivysaur", "130", "null", ",\"form\":\"x\",\"height\":10"),
        body(3, "venusaur", "1000", "236", ",\"height\":20"));
  }

  /** A full sweep of the endpoint with these bodies (ids from the bodies). */
  private void sweep(String release, String... bodies) {
    UUID run = UUID.randomUUID();
    List<ApiResponseCaptured> captures =
        java.util.Arrays.stream(bodies).map(b -> capture(run, idOf(b), b, release)).toList();
    runs.play(run, "sweep", endpoint, captures);
  }

  private ApiResponseCaptured capture(UUID run, String key, String body, String release) {
    clock = clock.plusSeconds(1);
    return Captures.ok(run, "sweep", endpoint, key, body, release, clock);
  }

  /** {@code type change type path} of the schema changes of the endpoint, in order. */
  private List<String> schemaChanges() {
    return db
        .rows(
            "SELECT change_type, path FROM schema_changes WHERE schema_scope = $1 ORDER BY id",
            endpoint)
        .stream()
        .map(r -> r.getString("change_type") + " " + r.getString("path"))
        .toList();
  }

  private List<DriftDetected> events(DriftKind kind, int expected) {
    return TestKafka.driftEvents(
        e -> e.endpoint().equals(endpoint) && e.kind() == kind, expected, Duration.ofSeconds(20));
  }

  private static String body(
      int id, String name, String weight, String baseExperience, String extra) {
    return "{\"id\":%d,\"name\":\"%s\",\"weight\":%s%s,\"types\":[{\"slot\":1}]%s}"
        .formatted(
            id,
            name,
            weight,
            baseExperience == null ? "" : ",\"base_experience\":" + baseExperience,
            extra);
  }

  private static String idOf(String body) {
    return body.substring(body.indexOf(':') + 1, body.indexOf(','));
  }
}
