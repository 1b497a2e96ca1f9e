package io.pokeapi.observability.diff.metrics;

import static io.pokeapi.observability.diff.support.Fixtures.pokemon;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.common.testsupport.PostgresDatabaseResource;
import io.pokeapi.observability.diff.support.Captures;
import io.pokeapi.observability.diff.support.Db;
import io.pokeapi.observability.diff.support.DiffTopicsResource;
import io.pokeapi.observability.diff.support.Fixtures;
import io.pokeapi.observability.diff.support.Runs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The business metrics and the consumer lag appear on the Prometheus endpoint. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
@WithTestResource(DiffTopicsResource.class)
class DiffMetricsTest {

  @Inject Pool pool;

  @Test
  void schemaAndDataChangesSnapshotsAndConsumerLagAreExposed() {
    String endpoint = Fixtures.uniqueEndpoint("pokemon");
    Runs runs = new Runs(new Db(pool));
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    UUID first = UUID.randomUUID();
    runs.play(
        first,
        "sweep",
        endpoint,
        List.of(
            Captures.ok(first, "sweep", endpoint, "1", pokemon(1, "a", 1), "rel-a", t0),
            Captures.ok(first, "sweep", endpoint, "2", pokemon(2, "b", 2), "rel-a", t0)));
    UUID second = UUID.randomUUID();
    String withNewField = pokemon(1, "a", 5).replace("\"weight\"", "\"height\":3,\"weight\"");
    runs.play(
        second,
        "sweep",
        endpoint,
        List.of(
            Captures.ok(second, "sweep", endpoint, "1", withNewField, "rel-b", t0.plusSeconds(9)),
            Captures.ok(second, "sweep", endpoint, "2", pokemon(2, "b", 2), "rel-b", t0)));

    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

    assertThat(metrics)
        .containsPattern(
            "pokeapi_schema_changes_total\\{[^}]*change_type=\"FIELD_ADDED\"[^}]*endpoint=\""
                + endpoint
                + "\"[^}]*} 1\\.0")
        .containsPattern(
            "pokeapi_data_changes_total\\{[^}]*endpoint=\"" + endpoint + "\"[^}]*} 1\\.0")
        .containsPattern("pokeapi_snapshots_stored_total\\{[^}]*} [1-9]")
        .containsPattern("pokeapi_snapshots_deduplicated_total\\{[^}]*} [1-9]")
        .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{[^}]*}");
  }
}
