package io.pokeapi.observability.reporter.health;

import io.pokeapi.observability.common.health.KafkaClusterReadiness;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness named {@value KafkaClusterReadiness#NAME}: DOWN while the Kafka cluster does not
 * answer, asked with the service's own Kafka client settings ({@code kafka.*}) within {@code
 * pokeobs.health.kafka.timeout}.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

  private final KafkaClusterReadiness cluster;

  @Inject
  KafkaReadinessCheck(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      KafkaHealthConfig config,
      @ConfigProperty(name = "quarkus.application.name") String application) {
    this.cluster =
        new KafkaClusterReadiness(kafkaConfig, config.timeout(), application + "-readiness");
  }

  @Override
  public HealthCheckResponse call() {
    return cluster.call();
  }

  @PreDestroy
  void close() {
    cluster.close();
  }
}
