package io.pokeapi.observability.diff.support;

import io.pokeapi.observability.common.contract.KafkaMessageLimits;
import io.pokeapi.observability.common.contract.Topics;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Creates the diff service's topics on the test broker (the captures topic with several partitions,
 * so replicas and the killed-consumer test have partitions to share) and shortens the service's
 * timers for tests.
 */
public class DiffTopicsResource implements QuarkusTestResourceLifecycleManager {

  /** Partitions of the captures topic in tests. */
  public static final int CAPTURE_PARTITIONS = 4;

  @Override
  public Map<String, String> start() {
    KafkaBroker broker = KafkaBroker.shared();
    Map<String, String> topicConfig = KafkaMessageLimits.topicConfig();
    createTopic(broker, Topics.API_RESPONSES, CAPTURE_PARTITIONS, topicConfig);
    createTopic(broker, Topics.RUN_EVENTS, 1, topicConfig);
    createTopic(broker, Topics.DRIFT_EVENTS, 1, topicConfig);
    createTopic(broker, Topics.LATENCY_REGRESSIONS, 1, topicConfig);
    return Map.of(
        "diff.runs.settle-time", "PT3S",
        "diff.runs.incomplete-after", "PT12S",
        "diff.runs.check-every", "1s",
        "diff.outbox.sweep-every", "1s",
        "diff.baseline.recompute-every", "1h",
        "diff.baseline.min-samples", "5");
  }

  /**
   * Creates a topic; retried because a freshly created topic's metadata can take a moment to reach
   * the broker's cache (the describe right after the create then fails).
   */
  private static void createTopic(
      KafkaBroker broker, String name, int partitions, Map<String, String> config) {
    for (int attempt = 1; ; attempt++) {
      try {
        broker.createTopic(name, partitions, config);
        return;
      } catch (IllegalStateException e) {
        if (attempt == 10) {
          throw e;
        }
        try {
          Thread.sleep(300);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  @Override
  public void stop() {
    // topics live as long as the shared broker
  }
}
