package io.pokeapi.observability.common.health;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Ready only while the Kafka cluster answers: asks for the cluster's metadata (describeCluster)
 * with the application's own Kafka client settings and a short timeout, so that a lost broker turns
 * readiness DOWN within seconds. Every service wraps it in its own {@code @Readiness} bean (this
 * library has no CDI); {@link #close()} releases the admin client.
 */
public class KafkaClusterReadiness implements HealthCheck, AutoCloseable {

  /** The check's name in {@code /q/health}. */
  public static final String NAME = "kafka";

  private final Map<String, Object> adminConfig;
  private final Duration timeout;
  private Admin admin;

  /**
   * @param kafkaConfig Kafka client settings without the {@code kafka.} prefix; those an admin
   *     client does not know (producer and consumer settings) are left out
   */
  public KafkaClusterReadiness(Map<String, Object> kafkaConfig, Duration timeout, String clientId) {
    this.timeout = timeout;
    this.adminConfig = adminConfig(kafkaConfig, timeout, clientId);
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named(NAME)
            .withData(
                "bootstrap.servers",
                String.valueOf(adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)));
    long timeoutMs = timeout.toMillis();
    try {
      DescribeClusterResult cluster =
          admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs));
      Collection<Node> nodes = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
      String clusterId = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
      if (nodes.isEmpty()) {
        return response.down().withData("reason", "the cluster lists no broker").build();
      }
      return response
          .up()
          .withData("cluster.id", clusterId)
          .withData("nodes", nodes.size())
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return response.down().withData("reason", "interrupted").build();
    } catch (TimeoutException e) {
      return response
          .down()
          .withData("reason", "no answer within " + timeout.toMillis() + " ms")
          .build();
    } catch (ExecutionException | KafkaException e) {
      return response.down().withData("reason", rootCause(e)).build();
    }
  }

  private static String rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /** The admin client, created on first use (creating it fails while no broker host resolves). */
  private synchronized Admin admin() {
    if (admin == null) {
      admin = Admin.create(adminConfig);
    }
    return admin;
  }

  @Override
  public synchronized void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(1));
      admin = null;
    }
  }

  private static Map<String, Object> adminConfig(
      Map<String, Object> kafkaConfig, Duration timeout, String clientId) {
    Map<String, Object> config = new HashMap<>();
    kafkaConfig.forEach(
        (key, value) -> {
          if (AdminClientConfig.configNames().contains(key)) {
            config.put(key, value);
          }
        });
    int timeoutMs = Math.toIntExact(timeout.toMillis());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) timeoutMs);
    config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (long) timeoutMs);
    config.putIfAbsent(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    return config;
  }
}
