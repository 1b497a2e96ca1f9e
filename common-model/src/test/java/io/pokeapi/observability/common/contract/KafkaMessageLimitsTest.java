package io.pokeapi.observability.common.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The limits must agree with each other and with what Kafka accepts as configuration. */
class KafkaMessageLimitsTest {

  /** Pokemon 151's body, the largest of the data set (see the data's SOURCE.md). */
  private static final int LARGEST_KNOWN_BODY = 1_338_706;

  @Test
  void producerAcceptsSeveralTimesTheLargestBodyUncompressed() {
    int maxRequest =
        Integer.parseInt(
            KafkaMessageLimits.producerConfig().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
    assertThat(maxRequest).isGreaterThanOrEqualTo(4 * LARGEST_KNOWN_BODY);
    assertThat(KafkaMessageLimits.producerConfig())
        .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
  }

  @Test
  void topicAndConsumerAcceptEverythingTheProducerMaySend() {
    int maxRecord = KafkaMessageLimits.MAX_RECORD_BYTES;
    int topicMax = Integer.parseInt(KafkaMessageLimits.topicConfig().get("max.message.bytes"));
    int partitionFetch =
        Integer.parseInt(
            KafkaMessageLimits.consumerConfig()
                .get(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG));
    int fetchMax =
        Integer.parseInt(
            KafkaMessageLimits.consumerConfig().get(ConsumerConfig.FETCH_MAX_BYTES_CONFIG));

    assertThat(topicMax).isGreaterThan(maxRecord);
    assertThat(partitionFetch).isGreaterThanOrEqualTo(topicMax);
    assertThat(fetchMax).isGreaterThanOrEqualTo(partitionFetch);
    assertThat(
            Long.parseLong(
                KafkaMessageLimits.producerConfig().get(ProducerConfig.BUFFER_MEMORY_CONFIG)))
        .as("Kafka requires buffer.memory >= max.request.size")
        .isGreaterThan(maxRecord);
  }

  @Test
  void configsAreValidKafkaClientConfiguration() {
    Map<String, Object> producer = new HashMap<>(KafkaMessageLimits.producerConfig());
    producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
    producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    ProducerConfig producerConfig = new ProducerConfig(producer);
    assertThat(producerConfig.getInt(ProducerConfig.MAX_REQUEST_SIZE_CONFIG))
        .isEqualTo(KafkaMessageLimits.MAX_RECORD_BYTES);

    Map<String, Object> consumer = new HashMap<>(KafkaMessageLimits.consumerConfig());
    consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
    consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    assertThat(new ConsumerConfig(consumer).getInt(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG))
        .isEqualTo(KafkaMessageLimits.MAX_MESSAGE_BYTES);
  }
}
