package io.pokeapi.observability.probe.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The Kafka broker of the tests. TEMPORARY stand-in until common-model's test support ships {@code
 * KafkaBrokerResource}: it points the application at a broker already running at {@code
 * -Dprobe.test.kafka} (default 127.0.0.1:19092).
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

  /** The bootstrap servers the tests use. */
  public static String bootstrapServers() {
    return System.getProperty("probe.test.kafka", "127.0.0.1:19092");
  }

  @Override
  public Map<String, String> start() {
    return Map.of("kafka.bootstrap.servers", bootstrapServers());
  }

  @Override
  public void stop() {}
}
