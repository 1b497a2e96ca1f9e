package io.pokeapi.observability.load.distributed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pokeapi.observability.common.contract.KafkaMessageLimits;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Coordination over a Kafka topic: every replica reads every partition from the end (no consumer
 * group: each replica must see every message), and sends keyed by run id so that one run's messages
 * stay in order.
 */
public final class KafkaCoordination implements Coordination {

  private static final Logger LOG = Logger.getLogger(KafkaCoordination.class);

  private final String topic;
  private final String replica;
  private final ObjectMapper mapper;
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread poller;
  private volatile Consumer<CoordinationMessage> listener = m -> {};
  private volatile boolean closed;

  /**
   * Creates the topic when missing, positions the reader at its end and starts reading.
   *
   * @param kafka the client settings ({@code bootstrap.servers} and the rest)
   */
  public KafkaCoordination(
      Map<String, Object> kafka, String topic, String replica, ObjectMapper mapper) {
    this.topic = topic;
    this.replica = replica;
    this.mapper = mapper;
    Map<String, Object> common = new HashMap<>();
    common.put(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    ensureTopic(common, topic);
    Map<String, Object> producerConfig = new HashMap<>(common);
    producerConfig.putAll(KafkaMessageLimits.producerConfig());
    producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "load-coordination-" + replica);
    this.producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
    Map<String, Object> consumerConfig = new HashMap<>(common);
    consumerConfig.putAll(KafkaMessageLimits.consumerConfig());
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "load-coordination-reader-" + replica);
    this.consumer =
        new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    for (TopicPartition partition : partitions) {
      consumer.position(partition, Duration.ofSeconds(30));
    }
    this.poller = new Thread(this::poll, "load-coordination-" + replica);
    poller.setDaemon(true);
    poller.start();
  }

  @Override
  public void send(CoordinationMessage message) {
    try {
      producer
          .send(
              new ProducerRecord<>(
                  topic, message.runId().toString(), mapper.writeValueAsBytes(message)))
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending " + message.type(), e);
    } catch (ExecutionException | TimeoutException | java.io.IOException e) {
      throw new IllegalStateException(
          "cannot send the " + message.type() + " of load run " + message.runId(), e);
    }
  }

  @Override
  public void listen(Consumer<CoordinationMessage> listener) {
    this.listener = listener;
  }

  private void poll() {
    try {
      while (!closed) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          CoordinationMessage message;
          try {
            message = mapper.readValue(record.value(), CoordinationMessage.class);
          } catch (java.io.IOException | RuntimeException e) {
            LOG.warnf("skipping an unreadable coordination record at offset %d", record.offset());
            continue;
          }
          if (message == null || replica.equals(message.from())) {
            continue;
          }
          try {
            listener.accept(message);
          } catch (RuntimeException e) {
            LOG.errorf(e, "handling the %s of load run %s", message.type(), message.runId());
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  @Override
  public void close() {
    closed = true;
    consumer.wakeup();
    try {
      poller.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
  }

  private static void ensureTopic(Map<String, Object> config, String topic) {
    try (Admin admin = Admin.create(config)) {
      if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
        return;
      }
      admin
          .createTopics(
              List.of(new NewTopic(topic, 1, (short) 1).configs(KafkaMessageLimits.topicConfig())))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create the coordination topic " + topic, e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + topic, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the broker did not answer about topic " + topic, e);
    }
  }
}
