package io.pokeapi.observability.load.support;

import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.KafkaMessageLimits;
import io.pokeapi.observability.common.contract.LoadRunSummary;
import io.pokeapi.observability.common.contract.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** A real consumer of {@code pokeapi.load-summaries}, reading what is published after it opened. */
public final class LoadSummaries implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final ConcurrentLinkedQueue<ConsumerRecord<String, byte[]>> records =
      new ConcurrentLinkedQueue<>();
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final Thread poller;

  public LoadSummaries(String bootstrapServers) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(Topics.LOAD_SUMMARIES)) {
        admin
            .createTopics(
                List.of(
                    new NewTopic(Topics.LOAD_SUMMARIES, 1, (short) 1)
                        .configs(KafkaMessageLimits.topicConfig())))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(e);
      }
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.putAll(KafkaMessageLimits.consumerConfig());
    consumer = new KafkaConsumer<>(props);
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.LOAD_SUMMARIES, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    poller = Thread.ofPlatform().daemon().name("load-summaries").start(this::poll);
  }

  private void poll() {
    while (open.get()) {
      consumer.poll(Duration.ofMillis(100)).forEach(records::add);
    }
    consumer.close(Duration.ofSeconds(2));
  }

  /** Waits for the summary of a run and returns it with its Kafka key. */
  public Keyed await(UUID runId, Duration within) {
    Keyed[] found = new Keyed[1];
    Awaitility.await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              for (ConsumerRecord<String, byte[]> record : records) {
                LoadRunSummary summary = EventJson.fromBytes(record.value(), LoadRunSummary.class);
                if (summary != null && runId.equals(summary.runId())) {
                  found[0] = new Keyed(record.key(), summary);
                  return true;
                }
              }
              return false;
            });
    return found[0];
  }

  /** How many summaries of that run arrived. */
  public long count(UUID runId) {
    return records.stream()
        .map(r -> EventJson.fromBytes(r.value(), LoadRunSummary.class))
        .filter(s -> s != null && runId.equals(s.runId()))
        .count();
  }

  /** A summary and the key it was published under. */
  public record Keyed(String key, LoadRunSummary summary) {}

  @Override
  public void close() {
    open.set(false);
    try {
      poller.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
