package io.pokeapi.observability.reporter.support;

import io.pokeapi.observability.common.contract.KafkaMessageLimits;
import io.pokeapi.observability.common.contract.Topics;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Creates every contract topic on the shared broker before the service subscribes. */
public class TopicsResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    KafkaBroker broker = KafkaBroker.shared();
    for (String topic : Topics.ALL) {
      for (int attempt = 1; ; attempt++) {
        try {
          broker.createTopic(topic, 1, KafkaMessageLimits.topicConfig());
          break;
        } catch (IllegalStateException e) {
          if (attempt == 10) {
            throw e;
          }
          try {
            Thread.sleep(300);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw e;
          }
        }
      }
    }
    return Map.of();
  }

  @Override
  public void stop() {
    // topics live as long as the shared broker
  }
}
