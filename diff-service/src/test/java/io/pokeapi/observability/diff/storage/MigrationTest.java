package io.pokeapi.observability.diff.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.testsupport.PostgresDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * The Flyway migrations on a real PostgreSQL: they apply to an empty database, and to a database
 * left at each previous version (with rows in every table when a seed for that version exists,
 * {@code db/seed/V<n>.sql}), keeping the rows.
 */
class MigrationTest {

  private static final List<String> TABLES =
      List.of(
          "probe_runs",
          "schema_shapes",
          "snapshots",
          "resource_heads",
          "resource_keys",
          "run_shapes",
          "schema_versions",
          "schema_heads",
          "schema_changes",
          "data_changes",
          "latency_samples",
          "performance_baselines",
          "latency_evaluations",
          "outbox_events");

  @Test
  void migrationsApplyToAnEmptyDatabase() throws SQLException {
    PostgresDatabase database = PostgresDatabase.create();
    try {
      Flyway flyway = flyway(database, null);
      MigrateResult result = flyway.migrate();

      assertThat(result.migrationsExecuted).isEqualTo(versions(flyway).size());
      assertThat(flyway.info().current().getVersion()).isEqualTo(latest(flyway));
      flyway.validate();
      assertThat(flyway.migrate().migrationsExecuted).as("a second run applies nothing").isZero();
      try (Connection connection = database.connect()) {
        for (String table : TABLES) {
          assertThat(count(connection, table)).as(table).isZero();
        }
      }
    } finally {
      database.drop();
    }
  }

  @Test
  void migrationsApplyToADatabaseAtEachPreviousVersionAndKeepItsRows() throws Exception {
    List<MigrationVersion> versions = availableVersions();
    for (MigrationVersion previous : versions.subList(0, versions.size() - 1)) {
      PostgresDatabase database = PostgresDatabase.create();
      try {
        flyway(database, previous).migrate();
        String seed = seed(previous);
        Map<String, Long> before = new LinkedHashMap<>();
        try (Connection connection = database.connect();
            Statement statement = connection.createStatement()) {
          if (seed != null) {
            statement.execute(seed);
          }
          for (String table : TABLES) {
            if (exists(connection, table)) {
              before.put(table, count(connection, table));
            }
          }
        }

        Flyway flyway = flyway(database, null);
        flyway.migrate();

        assertThat(flyway.info().current().getVersion())
            .as("from " + previous)
            .isEqualTo(latest(flyway));
        flyway.validate();
        try (Connection connection = database.connect()) {
          for (Map.Entry<String, Long> table : before.entrySet()) {
            assertThat(count(connection, table.getKey()))
                .as(table.getKey() + " after migrating from " + previous)
                .isEqualTo(table.getValue());
          }
        }
      } finally {
        database.drop();
      }
    }
  }

  @Test
  void theSeedOfTheLatestVersionFitsItsSchema() throws Exception {
    List<MigrationVersion> versions = availableVersions();
    String seed = seed(versions.get(versions.size() - 1));
    if (seed == null) {
      return;
    }
    PostgresDatabase database = PostgresDatabase.create();
    try {
      flyway(database, null).migrate();
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement()) {
        statement.execute(seed);
        for (String table : TABLES) {
          assertThat(count(connection, table)).as(table).isPositive();
        }
      }
    } finally {
      database.drop();
    }
  }

  private static Flyway flyway(PostgresDatabase database, MigrationVersion target) {
    var configuration =
        Flyway.configure()
            .locations("classpath:db/migration")
            .cleanDisabled(true)
            .dataSource(database.jdbcUrl(), database.username(), database.password());
    if (target != null) {
      configuration.target(target);
    }
    return configuration.load();
  }

  /** The versions of the migrations on the class path, oldest first (Flyway reads them online). */
  private static List<MigrationVersion> availableVersions() {
    PostgresDatabase scratch = PostgresDatabase.create();
    try {
      return versions(flyway(scratch, null));
    } finally {
      scratch.drop();
    }
  }

  /** The versions of the migrations {@code flyway} knows, oldest first. */
  private static List<MigrationVersion> versions(Flyway flyway) {
    return Arrays.stream(flyway.info().all())
        .map(MigrationInfo::getVersion)
        .distinct()
        .sorted()
        .toList();
  }

  private static MigrationVersion latest(Flyway flyway) {
    List<MigrationVersion> versions = versions(flyway);
    return versions.get(versions.size() - 1);
  }

  private static String seed(MigrationVersion version) throws IOException {
    try (InputStream in =
        MigrationTest.class.getResourceAsStream("/db/seed/V" + version.getVersion() + ".sql")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static boolean exists(Connection connection, String table) throws SQLException {
    try (ResultSet tables = connection.getMetaData().getTables(null, "public", table, null)) {
      return tables.next();
    }
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
