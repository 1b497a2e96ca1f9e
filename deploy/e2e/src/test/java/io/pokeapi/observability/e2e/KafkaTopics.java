package io.pokeapi.observability.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the system's Kafka topics as an outside observer: end offsets, the records between two
 * positions, and how far a consumer group has committed.
 */
final class KafkaTopics implements AutoCloseable {

  static final String API_RESPONSES = "pokeapi.api-responses";
  static final String CHECK_RESULTS = "pokeapi.check-results";
  static final String DRIFT_EVENTS = "pokeapi.drift-events";
  static final String DIFF_GROUP = "pokeapi-diff-service";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String bootstrap;
  private final Admin admin;

  KafkaTopics(String bootstrap) {
    this.bootstrap = bootstrap;
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    this.admin = Admin.create(props);
  }

  /** The end offset of every partition of {@code topic} (empty when the topic does not exist). */
  Map<TopicPartition, Long> endOffsets(String topic) {
    try {
      if (!admin.listTopics().names().get().contains(topic)) {
        return Map.of();
      }
      List<TopicPartition> partitions =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions()
              .stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      return admin
          .listOffsets(
              partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
          .all()
          .get()
          .entrySet()
          .stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the offsets of " + topic, e.getCause());
    }
  }

  /**
   * Records of {@code topic} that {@code group} has not committed yet (0 when it has consumed up to
   * the end).
   */
  long lag(String group, String topic) {
    Map<TopicPartition, Long> ends = endOffsets(topic);
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      long lag = 0;
      for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
        OffsetAndMetadata at = committed.get(end.getKey());
        lag += end.getValue() - (at == null ? 0 : at.offset());
      }
      return lag;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the offsets of group " + group, e.getCause());
    }
  }

  /**
   * Records of every topic {@code group} has committed offsets on that it has not committed yet, by
   * topic.
   */
  Map<String, Long> groupLag(String group) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<String, Long> lag = new java.util.TreeMap<>();
      for (String topic :
          committed.keySet().stream().map(TopicPartition::topic).distinct().toList()) {
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> end : endOffsets(topic).entrySet()) {
          OffsetAndMetadata at = committed.get(end.getKey());
          behind += end.getValue() - (at == null ? 0 : at.offset());
        }
        lag.put(topic, behind);
      }
      return lag;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the offsets of group " + group, e.getCause());
    }
  }

  /** The JSON values of the records of {@code topic} from {@code from} up to {@code to}. */
  List<JsonNode> read(String topic, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
    Map<TopicPartition, Long> start = new HashMap<>();
    to.keySet().forEach(p -> start.put(p, from.getOrDefault(p, 0L)));
    List<JsonNode> values = new ArrayList<>();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8_454_144);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(start.keySet());
      start.forEach(consumer::seek);
      Map<TopicPartition, Long> remaining = new HashMap<>(to);
      remaining.entrySet().removeIf(e -> start.get(e.getKey()) >= e.getValue());
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (!remaining.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " up to " + to);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          Long end = to.get(partition);
          if (end != null && record.offset() < end) {
            values.add(parse(record.value()));
          }
        }
        remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
      }
    }
    return values;
  }

  private static JsonNode parse(String value) {
    try {
      return JSON.readTree(value);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("not JSON on the topic: " + value, e);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
