package io.pokeapi.observability.diff.support;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.DriftDetected;
import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.KafkaMessageLimits;
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
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces the probe's events and reads the drift events, as the real services do. */
public final class TestKafka {

  private TestKafka() {}

  /** A producer configured like the probe's (size limits, zstd). */
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
    Map<String, Object> config =
        new HashMap<>(KafkaBroker.shared().clientConfig("diff-test-reader-" + UUID.randomUUID()));
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "diff-test-reader-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<DriftDetected> found = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(Topics.DRIFT_EVENTS));
      while (System.nanoTime() < deadline && found.size() < expected) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
          DriftDetected event = EventJson.fromJson(record.value(), DriftDetected.class);
          if (filter.test(event)) {
            found.add(event);
          }
        }
      }
      // one more poll so that an unexpected extra event shows up in the assertion
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
        DriftDetected event = EventJson.fromJson(record.value(), DriftDetected.class);
        if (filter.test(event)) {
          found.add(event);
        }
      }
    }
    return found;
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
