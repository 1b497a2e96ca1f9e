package io.pokeapi.observability.reporter.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the Kafka readiness check ({@code pokeobs.health.kafka.*}). */
@ConfigMapping(prefix = "pokeobs.health.kafka")
public interface KafkaHealthConfig {

  /** How long the check waits for the cluster's metadata before it reports DOWN. */
  @WithDefault("3s")
  Duration timeout();
}
