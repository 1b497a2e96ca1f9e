package io.pokeapi.observability.common.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.testsupport.KafkaBroker;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** The Kafka readiness check tells a reachable cluster from an unreachable one. */
class KafkaClusterReadinessTest {

  @Test
  void upWithTheClusterWhenTheBrokerAnswers() {
    String bootstrap = KafkaBroker.shared().bootstrapServers();
    // generous: UP comes as soon as the broker answers, however loaded the machine is
    KafkaClusterReadiness check = check(bootstrap, Duration.ofSeconds(30));
    try {
      HealthCheckResponse response = check.call();

      assertThat(response.getName()).isEqualTo(KafkaClusterReadiness.NAME);
      assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
      assertThat(response.getData().orElseThrow())
          .containsEntry("bootstrap.servers", bootstrap)
          .containsEntry("nodes", 1L)
          .containsKey("cluster.id");
    } finally {
      check.close();
    }
  }

  @Test
  void downWithAReasonWhenNoBrokerListens() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    KafkaClusterReadiness check = check("127.0.0.1:" + closedPort, Duration.ofSeconds(2));
    try {
      HealthCheckResponse response = check.call();

      assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
      assertThat(response.getData().orElseThrow())
          .containsEntry("bootstrap.servers", "127.0.0.1:" + closedPort)
          .containsKey("reason");
    } finally {
      check.close();
    }
  }

  @Test
  void downWhenTheBrokerHostDoesNotResolve() {
    KafkaClusterReadiness check = check("kafka.invalid:9092", Duration.ofSeconds(2));
    try {
      HealthCheckResponse response = check.call();

      assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
      assertThat(response.getData().orElseThrow().get("reason").toString()).contains("bootstrap");
    } finally {
      check.close();
    }
  }

  private static KafkaClusterReadiness check(String bootstrapServers, Duration timeout) {
    return new KafkaClusterReadiness(
        Map.of(
            "bootstrap.servers", bootstrapServers,
            "compression.type", "lz4",
            "max.partition.fetch.bytes", "8454144"),
        timeout,
        "test-readiness");
  }
}
