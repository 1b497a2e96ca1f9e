package io.pokeapi.observability.reporter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.common.testsupport.PostgresDatabaseResource;
import io.pokeapi.observability.reporter.support.TopicsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * reporter-service shares the pipeline's database with diff-service: its tables and migration
 * history live in schema {@code reporter} and {@code public} stays untouched, so that
 * diff-service's Flyway (which requires an empty {@code public} or its own history there) starts
 * whichever service migrated first.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(TopicsResource.class)
@WithTestResource(PostgresDatabaseResource.class)
class SharedDatabaseTest {

  @Inject Pool pool;

  @Test
  void itsTablesLiveInSchemaReporterAndPublicStaysEmpty() {
    assertThat(tablesIn("public")).isEmpty();
    assertThat(tablesIn("reporter"))
        .contains(
            "reporter_inbox",
            "reporter_dead_letters",
            "reporter_launches",
            "flaky_checks",
            "reporter_schema_history");
  }

  private List<String> tablesIn(String schema) {
    List<String> names = new ArrayList<>();
    for (Row row :
        pool.preparedQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = $1")
            .execute(Tuple.of(schema))
            .await()
            .atMost(Duration.ofSeconds(30))) {
      names.add(row.getString("table_name"));
    }
    return names;
  }
}
