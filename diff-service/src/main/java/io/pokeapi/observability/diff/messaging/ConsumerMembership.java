package io.pokeapi.observability.diff.messaging;

import io.pokeapi.observability.diff.config.DiffConfig;
import io.pokeapi.observability.diff.health.IngestStatus;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * How the consumers of this instance hold their place in their groups.
 *
 * <p><b>Static membership</b>: each incoming channel's consumer gets a {@code group.instance.id}
 * derived from a stable instance name ({@code diff.consumer.instance-id}, else the pod or host name
 * and the HTTP port). A restarted instance (a {@code kill -9}, a container restart) rejoins under
 * the same id and gets its partitions back at once, without waiting for its dead predecessor's
 * session to time out. SmallRye Kafka merges the map produced here (identified by the channel name)
 * into the channel's configuration.
 *
 * <p>The captures consumer's rebalance listener tells {@link IngestStatus} whether the group gave
 * this instance its partitions, which readiness reports.
 */
@ApplicationScoped
public class ConsumerMembership {

  /** The identifier of the captures consumer's rebalance listener. */
  public static final String REBALANCE_LISTENER = "diff-api-responses-rebalance";

  private static final Logger LOG = Logger.getLogger(ConsumerMembership.class);

  private final DiffConfig config;
  private final int httpPort;

  public ConsumerMembership(
      DiffConfig config, @ConfigProperty(name = "quarkus.http.port") Optional<Integer> httpPort) {
    this.config = config;
    this.httpPort = httpPort.orElse(8082);
  }

  /** The stable name of this instance. */
  public String instanceName() {
    return config
        .consumer()
        .instanceId()
        .filter(id -> !id.isBlank())
        .map(String::strip)
        .orElseGet(() -> hostName() + "-" + httpPort);
  }

  @Produces
  @Identifier(ApiResponseConsumer.CHANNEL)
  Map<String, Object> apiResponsesConsumer() {
    return membership(ApiResponseConsumer.CHANNEL);
  }

  @Produces
  @Identifier(RunEventConsumer.CHANNEL)
  Map<String, Object> runEventsConsumer() {
    return membership(RunEventConsumer.CHANNEL);
  }

  @Produces
  @Identifier(REBALANCE_LISTENER)
  KafkaConsumerRebalanceListener rebalanceListener(IngestStatus status) {
    return new KafkaConsumerRebalanceListener() {
      @Override
      public void onPartitionsAssigned(
          Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        status.assigned(partitions.stream().map(TopicPartition::toString).toList());
        LOG.infof("Captures consumer assigned %s; holds %s", partitions, status.partitions());
      }

      @Override
      public void onPartitionsRevoked(
          Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
          status.revoked(partitions.stream().map(TopicPartition::toString).toList());
        }
      }

      @Override
      public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        status.revoked(partitions.stream().map(TopicPartition::toString).toList());
      }
    };
  }

  private Map<String, Object> membership(String channel) {
    if (!config.consumer().staticMembership()) {
      return Map.of();
    }
    String id = instanceName() + "-" + channel;
    LOG.infof("Consumer of %s joins its group as static member %s", channel, id);
    return Map.of("group.instance.id", id);
  }

  private static String hostName() {
    for (String variable : new String[] {"POD_NAME", "HOSTNAME"}) {
      String value = System.getenv(variable);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "diff-service";
    }
  }
}
