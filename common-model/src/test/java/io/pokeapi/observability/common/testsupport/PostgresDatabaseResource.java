package io.pokeapi.observability.common.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a database of its own on the real PostgreSQL server ({@link
 * PostgresDatabase}) for the default datasource, reactive and JDBC, with Dev Services off; the
 * database is dropped when the test application stops. Use it with
 * {@code @WithTestResource(PostgresDatabaseResource.class)}.
 */
public class PostgresDatabaseResource implements QuarkusTestResourceLifecycleManager {

  private PostgresDatabase database;

  @Override
  public Map<String, String> start() {
    database = PostgresDatabase.create();
    Map<String, String> config = new HashMap<>();
    config.put("quarkus.datasource.devservices.enabled", "false");
    config.put("quarkus.datasource.reactive.url", database.reactiveUrl());
    config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
    config.put("quarkus.datasource.username", database.username());
    if (!database.password().isEmpty()) {
      config.put("quarkus.datasource.password", database.password());
    }
    return config;
  }

  @Override
  public void stop() {
    if (database != null) {
      database.drop();
    }
  }
}
