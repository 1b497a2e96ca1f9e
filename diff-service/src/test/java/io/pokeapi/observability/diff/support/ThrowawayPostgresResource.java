package io.pokeapi.observability.diff.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a database on a {@link ThrowawayPostgres} cluster of its own, which
 * the test may stop and start ({@link #cluster()}).
 */
public class ThrowawayPostgresResource implements QuarkusTestResourceLifecycleManager {

  private static volatile ThrowawayPostgres cluster;

  /** The running test's cluster. */
  public static ThrowawayPostgres cluster() {
    return cluster;
  }

  @Override
  public Map<String, String> start() {
    cluster = ThrowawayPostgres.start("pokeobs_outage");
    String hostPort = "127.0.0.1:" + cluster.port() + "/pokeobs_outage";
    return Map.of(
        "quarkus.datasource.devservices.enabled",
        "false",
        "quarkus.datasource.reactive.url",
        "postgresql://" + hostPort,
        "quarkus.datasource.jdbc.url",
        "jdbc:postgresql://" + hostPort,
        "quarkus.datasource.username",
        "postgres");
  }

  @Override
  public void stop() {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }
}
