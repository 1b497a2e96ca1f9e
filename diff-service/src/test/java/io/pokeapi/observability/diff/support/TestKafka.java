package io.pokeapi.observability.diff.support;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.DriftDetected;
import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.KafkaMessageLimits;
import io.pokeapi.observability.common.contract.LatencyRegressionDetected;
import io.pokeapi.observability.common.contract.RunEvent;
import io.pokeapi.observability.common.contract.Topics;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces the probe's events and reads the drift and latency regression events, as the real
 * services do.
 */
public final class TestKafka {

  private TestKafka() {}

  /** A producer configured like the probe's (size limits, lz4). */
  public static KafkaProducer<String, String> producer() {
    Map<String, Object> config =
        new HashMap<>(KafkaBroker.shared().clientConfig("diff-test-" + UUID.randomUUID()));
    config.putAll(KafkaMessageLimits.producerConfig());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(config);
  }

  /** Publishes captures under their contract key and waits until the broker has them all. */
  public static void publish(Collection<ApiResponseCaptured> captures) {
    try (KafkaProducer<String, String> producer = producer()) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (ApiResponseCaptured capture : captures) {
        sent.add(
            producer.send(
                new ProducerRecord<>(
                    Topics.API_RESPONSES, capture.messageKey(), EventJson.toJson(capture))));
      }
      await(sent);
    }
  }

  /** Publishes run events and waits until the broker has them. */
  public static void publishRunEvents(RunEvent... events) {
    try (KafkaProducer<String, String> producer = producer()) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (RunEvent event : events) {
        sent.add(
            producer.send(
                new ProducerRecord<>(
                    Topics.RUN_EVENTS, event.messageKey(), EventJson.toJson(event))));
      }
      await(sent);
    }
  }

  /**
   * The drift events on the topic that match, read from the beginning until {@code expected} of
   * them were seen or the timeout passed.
   */
  public static List<DriftDetected> driftEvents(
      Predicate<DriftDetected> filter, int expected, Duration timeout) {
    return events(Topics.DRIFT_EVENTS, DriftDetected.class, filter, expected, timeout);
  }

  /**
   * The latency regression events on the topic that match, read from the beginning until {@code
   * expected} of them were seen or the timeout passed.
   */
  public static List<LatencyRegressionDetected> latencyRegressions(
      Predicate<LatencyRegressionDetected> filter, int expected, Duration timeout) {
    return events(
        Topics.LATENCY_REGRESSIONS, LatencyRegressionDetected.class, filter, expected, timeout);
  }

  /**
   * The events on a topic that match, read from the beginning until {@code expected} of them were
   * seen or the timeout passed.
   */
  private static <T> List<T> events(
      String topic, Class<T> type, Predicate<T> filter, int expected, Duration timeout) {
    Map<String, Object> config =
        new HashMap<>(KafkaBroker.shared().clientConfig("diff-test-reader-" + UUID.randomUUID()));
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "diff-test-reader-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<T> found = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      while (System.nanoTime() < deadline && found.size() < expected) {
        collect(consumer.poll(Duration.ofMillis(250)), type, filter, found);
      }
      // one more poll so that an unexpected extra event shows up in the assertion
      collect(consumer.poll(Duration.ofMillis(500)), type, filter, found);
    }
    return found;
  }

  private static <T> void collect(
      ConsumerRecords<String, String> records, Class<T> type, Predicate<T> filter, List<T> found) {
    for (ConsumerRecord<String, String> record : records) {
      T event = EventJson.fromJson(record.value(), type);
      if (filter.test(event)) {
        found.add(event);
      }
    }
  }

  private static void await(List<Future<RecordMetadata>> sent) {
    try {
      for (Future<RecordMetadata> future : sent) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not publish", e.getCause());
    }
  }
}
