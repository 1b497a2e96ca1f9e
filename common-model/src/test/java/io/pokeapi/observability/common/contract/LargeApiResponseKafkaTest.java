package io.pokeapi.observability.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.Zstd;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A capture with a body larger than Kafka's default limits goes through a real broker with {@link
 * KafkaMessageLimits}, and is rejected without them.
 */
class LargeApiResponseKafkaTest {

  /** Kafka's default {@code max.message.bytes} of a topic (and {@code message.max.bytes}). */
  private static final int KAFKA_DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

  /** Kafka's default producer {@code max.request.size}. */
  private static final int KAFKA_DEFAULT_MAX_REQUEST_SIZE = 1_048_576;

  private static final int BODY_BYTES = 1_450_000;

  private static KafkaBroker broker;
  private static ApiResponseCaptured capture;

  @BeforeAll
  static void startBrokerAndBuildTheCapture() {
    broker = KafkaBroker.shared();
    String body = IncompressibleJson.pokemonLike(BODY_BYTES, 151);
    capture =
        ApiResponseCaptured.of(
            UUID.randomUUID(),
            "large-bodies",
            "pokemon",
            "151",
            "http://127.0.0.1/api/v2/pokemon/151/",
            "GET",
            200,
            ResponseHeaders.NONE,
            Duration.ofMillis(120),
            body,
            Instant.parse("2026-08-08T06:49:31Z"));
  }

  @Test
  void theBodyIsRealJsonAndCompressionCannotHideItsSize() throws Exception {
    byte[] body = capture.body().getBytes(StandardCharsets.UTF_8);
    byte[] compressed = Zstd.compress(body, 3); // the level Kafka's zstd uses by default

    new ObjectMapper().readTree(body);
    System.out.printf(
        "body %,d bytes, zstd-3 %,d bytes, serialized event %,d bytes%n",
        body.length, compressed.length, EventJson.toBytes(capture).length);
    assertThat(body.length).isGreaterThan(KAFKA_DEFAULT_MAX_REQUEST_SIZE);
    assertThat(compressed.length).isGreaterThan(KAFKA_DEFAULT_MAX_MESSAGE_BYTES);
  }

  @Test
  void largeCaptureRoundTripsThroughATopicWithTheLimits() throws Exception {
    String topic = "h2-limits-" + UUID.randomUUID();
    broker.createTopic(topic, 1, KafkaMessageLimits.topicConfig());

    try (KafkaProducer<String, ApiResponseCaptured> producer =
        producer(KafkaMessageLimits.producerConfig())) {
      RecordMetadata sent =
          producer
              .send(new ProducerRecord<>(topic, capture.messageKey(), capture))
              .get(60, TimeUnit.SECONDS);
      assertThat(sent.offset()).isZero();
    }

    List<ConsumerRecord<String, ApiResponseCaptured>> received = consumeOne(topic);
    assertThat(received).hasSize(1);
    ConsumerRecord<String, ApiResponseCaptured> record = received.get(0);
    assertThat(record.key()).isEqualTo("pokemon/151");
    assertThat(record.value()).isEqualTo(capture);
    assertThat(ApiResponseCaptured.sha256Hex(record.value().body()))
        .isEqualTo(capture.bodySha256());
  }

  @Test
  void producerWithKafkaDefaultsRejectsTheCaptureBeforeSendingIt() {
    String topic = "h2-limits-" + UUID.randomUUID();
    broker.createTopic(topic, 1, KafkaMessageLimits.topicConfig());

    try (KafkaProducer<String, ApiResponseCaptured> producer = producer(Map.of())) {
      assertThatThrownBy(
              () ->
                  producer
                      .send(new ProducerRecord<>(topic, capture.messageKey(), capture))
                      .get(60, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(RecordTooLargeException.class)
          .cause()
          .hasMessageContaining("max.request.size");
    }
  }

  @Test
  void topicWithKafkaDefaultsRejectsTheCompressedCaptureToo() {
    String topic = "h2-defaults-" + UUID.randomUUID();
    broker.createTopic(
        topic,
        1,
        Map.of(
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
            Integer.toString(KAFKA_DEFAULT_MAX_MESSAGE_BYTES)));

    try (KafkaProducer<String, ApiResponseCaptured> producer =
        producer(KafkaMessageLimits.producerConfig())) {
      assertThatThrownBy(
              () ->
                  producer
                      .send(new ProducerRecord<>(topic, capture.messageKey(), capture))
                      .get(60, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(RecordTooLargeException.class)
          .cause()
          .hasMessageContaining("server will accept");
    }
  }

  private static KafkaProducer<String, ApiResponseCaptured> producer(Map<String, String> limits) {
    Map<String, Object> config = new HashMap<>(limits);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JsonEventSerializer.class);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
    return new KafkaProducer<>(config);
  }

  private static List<ConsumerRecord<String, ApiResponseCaptured>> consumeOne(String topic) {
    Map<String, Object> config = new HashMap<>(KafkaMessageLimits.consumerConfig());
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "h2-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ApiResponseCapturedDeserializer.class);
    List<ConsumerRecord<String, ApiResponseCaptured>> received = new ArrayList<>();
    try (KafkaConsumer<String, ApiResponseCaptured> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (received.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(received::add);
      }
    }
    return received;
  }
}
