package io.pokeapi.observability.common.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at this JVM's real Kafka broker ({@link KafkaBroker#shared()}) and
 * keeps Quarkus Dev Services from starting one in a container. Use it with
 * {@code @WithTestResource(KafkaBrokerResource.class)}. The broker outlives the test application:
 * it is shared by every test of the JVM and stopped when the JVM exits.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return Map.of(
        "kafka.bootstrap.servers",
        KafkaBroker.shared().bootstrapServers(),
        "quarkus.kafka.devservices.enabled",
        "false");
  }

  @Override
  public void stop() {
    // the broker is shared by the whole test JVM; KafkaBroker stops it at exit
  }
}
