package io.pokeapi.observability.common.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The shared test broker is a real Kafka: topics, producers and consumer groups work on it. */
class KafkaBrokerTest {

  private static final int EIGHT_MIB = 8 * 1024 * 1024;

  private final KafkaBroker broker = KafkaBroker.shared();

  @Test
  void sharedBrokerIsOnePerJvmAndAnswers() {
    assertThat(KafkaBroker.shared()).isSameAs(broker);
    assertThat(KafkaBroker.answers(broker.bootstrapServers(), Duration.ofSeconds(5))).isTrue();
    assertThat(System.getProperty(KafkaBroker.BOOTSTRAP_PROPERTY))
        .isEqualTo(broker.bootstrapServers());
  }

  @Test
  void createTopicAppliesPartitionsAndConfigAndIsIdempotent() throws Exception {
    String topic = "create-" + UUID.randomUUID();
    broker.createTopic(topic, 3, Map.of("retention.ms", "3600000"));
    broker.createTopic(topic, 3, Map.of("retention.ms", "3600000"));

    try (Admin admin = Admin.create(broker.clientConfig("test-describe"))) {
      TopicDescription description =
          admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
      assertThat(description.partitions()).hasSize(3);
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      String retention =
          admin
              .describeConfigs(List.of(resource))
              .all()
              .get(30, TimeUnit.SECONDS)
              .get(resource)
              .get("retention.ms")
              .value();
      assertThat(retention).isEqualTo("3600000");
    }
  }

  @Test
  void recordsProducedAreConsumedInOrderByAConsumerGroup() throws Exception {
    String topic = "round-trip-" + UUID.randomUUID();
    broker.createTopic(topic, 1);
    List<String> sent = List.of("bulbasaur", "ivysaur", "venusaur");

    try (KafkaProducer<String, String> producer = stringProducer()) {
      for (String value : sent) {
        producer.send(new ProducerRecord<>(topic, "pokemon", value)).get(30, TimeUnit.SECONDS);
      }
    }

    List<String> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = stringConsumer("group-" + UUID.randomUUID())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (received.size() < sent.size() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          received.add(record.value());
        }
      }
    }
    assertThat(received).containsExactlyElementsOf(sent);
  }

  @Test
  void brokerAcceptsAnEightMebibyteZstdRecord() throws Exception {
    String topic = "large-" + UUID.randomUUID();
    broker.createTopic(topic, 1);
    byte[] value = new byte[EIGHT_MIB - 1024];
    new Random(42).nextBytes(value);

    Map<String, Object> producerConfig = new HashMap<>(broker.clientConfig("test-large"));
    producerConfig.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, EIGHT_MIB);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
      RecordMetadata metadata =
          producer.send(new ProducerRecord<>(topic, value)).get(60, TimeUnit.SECONDS);
      assertThat(metadata.offset()).isZero();
    }

    Map<String, Object> consumerConfig = new HashMap<>(broker.clientConfig("test-large-read"));
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "large-" + UUID.randomUUID());
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerConfig.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, EIGHT_MIB);
    byte[] received = null;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (received == null && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          received = record.value();
        }
      }
    }
    assertThat(received).isEqualTo(value);
  }

  @Test
  void answersIsFalseForAPortWhereNoBrokerListens() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    assertThat(KafkaBroker.answers("127.0.0.1:" + closedPort, Duration.ofSeconds(1))).isFalse();
  }

  private KafkaProducer<String, String> stringProducer() {
    Map<String, Object> config = new HashMap<>(broker.clientConfig("test-producer"));
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private KafkaConsumer<String, String> stringConsumer(String groupId) {
    Map<String, Object> config = new HashMap<>(broker.clientConfig("test-consumer"));
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }
}
