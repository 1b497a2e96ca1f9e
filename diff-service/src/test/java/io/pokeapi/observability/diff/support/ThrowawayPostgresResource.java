package io.pokeapi.observability.diff.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a database on a {@link ThrowawayPostgres} cluster of its own, which
 * the test may stop and start ({@link ThrowawayPostgres#current()}).
 */
public class ThrowawayPostgresResource implements QuarkusTestResourceLifecycleManager {

  /** System property naming the running cluster's directory. */
  public static final String DIR_PROPERTY = "pokeobs.test.throwaway-pg.dir";

  /** System property naming the running cluster's port. */
  public static final String PORT_PROPERTY = "pokeobs.test.throwaway-pg.port";

  private ThrowawayPostgres cluster;

  @Override
  public Map<String, String> start() {
    cluster = ThrowawayPostgres.start("pokeobs_outage");
    System.setProperty(DIR_PROPERTY, cluster.dir().toString());
    System.setProperty(PORT_PROPERTY, Integer.toString(cluster.port()));
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
      System.clearProperty(DIR_PROPERTY);
      System.clearProperty(PORT_PROPERTY);
    }
  }
}
