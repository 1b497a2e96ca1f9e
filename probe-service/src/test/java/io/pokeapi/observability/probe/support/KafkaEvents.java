package io.pokeapi.observability.probe.support;

import static org.awaitility.Awaitility.await;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.KafkaMessageLimits;
import io.pokeapi.observability.common.contract.RunEvent;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStarted;
import io.pokeapi.observability.common.contract.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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

/**
 * A real Kafka consumer of the probe's three topics, reading everything published after it was
 * opened, for tests to assert on the events of their runs.
 */
public final class KafkaEvents implements AutoCloseable {

  private static final List<String> TOPICS =
      List.of(Topics.API_RESPONSES, Topics.CHECK_RESULTS, Topics.RUN_EVENTS);

  private final KafkaConsumer<String, byte[]> consumer;
  private final ConcurrentLinkedQueue<ApiResponseCaptured> responses =
      new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<CheckResult> checks = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<RunEvent> runs = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> keys = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final Thread poller;
  private volatile long bytes;

  private final boolean keepResponses;
  private final java.util.concurrent.atomic.AtomicLong responseCount =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong responseBytes =
      new java.util.concurrent.atomic.AtomicLong();

  private KafkaEvents(String bootstrapServers, boolean keepResponses) {
    this.keepResponses = keepResponses;
    createTopics(bootstrapServers);
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.putAll(KafkaMessageLimits.consumerConfig());
    consumer = new KafkaConsumer<>(props);
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : TOPICS) {
      consumer
          .partitionsFor(topic, Duration.ofSeconds(30))
          .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    poller = Thread.ofPlatform().daemon().name("kafka-events").start(this::poll);
  }

  /** Creates the probe's topics with the contract's size limits, unless they exist. */
  private static void createTopics(String bootstrapServers) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          TOPICS.stream()
              .filter(t -> !existing.contains(t))
              .map(t -> new NewTopic(t, 1, (short) 1).configs(KafkaMessageLimits.topicConfig()))
              .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create the probe's topics", e);
      }
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException("cannot create the probe's topics", e);
    }
  }

  /** Starts consuming at the current end of every topic. */
  public static KafkaEvents fromNow(String bootstrapServers) {
    return new KafkaEvents(bootstrapServers, true);
  }

  /**
   * Starts consuming at the current end of every topic, keeping checks and run events but only
   * counting the captured responses (for benchmarks, whose bodies would fill the heap).
   */
  public static KafkaEvents countingResponses(String bootstrapServers) {
    return new KafkaEvents(bootstrapServers, false);
  }

  private void poll() {
    while (open.get()) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
        bytes += record.value() == null ? 0 : record.value().length;
        keys.add(record.topic() + " " + record.key());
        switch (record.topic()) {
          case Topics.API_RESPONSES -> {
            responseCount.incrementAndGet();
            responseBytes.addAndGet(record.value() == null ? 0 : record.value().length);
            if (keepResponses) {
              responses.add(EventJson.fromBytes(record.value(), ApiResponseCaptured.class));
            }
          }
          case Topics.CHECK_RESULTS ->
              checks.add(EventJson.fromBytes(record.value(), CheckResult.class));
          default -> runs.add(EventJson.fromBytes(record.value(), RunEvent.class));
        }
      }
    }
    consumer.close(Duration.ofSeconds(2));
  }

  /** The responses captured by {@code run}, in the order consumed. */
  public List<ApiResponseCaptured> responses(UUID run) {
    return responses.stream().filter(r -> r.runId().equals(run)).toList();
  }

  /** The check results of {@code run}. */
  public List<CheckResult> checks(UUID run) {
    return checks.stream().filter(c -> c.runId().equals(run)).toList();
  }

  /** The start and end events of {@code run}. */
  public List<RunEvent> runEvents(UUID run) {
    return runs.stream().filter(e -> e != null && e.runId().equals(run)).toList();
  }

  /** The message keys consumed, as {@code topic key}. */
  public List<String> keys() {
    return List.copyOf(keys);
  }

  /** Captured responses consumed so far (kept or only counted). */
  public long responseCount() {
    return responseCount.get();
  }

  /** Bytes of the captured-response values consumed so far. */
  public long responseBytes() {
    return responseBytes.get();
  }

  /** Bytes of message values consumed so far. */
  public long bytes() {
    return bytes;
  }

  /** Waits for the {@code RunFinished} of {@code run}, after which all its events are in. */
  public RunFinished awaitFinished(UUID run, Duration timeout) {
    return await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                runEvents(run).stream()
                    .filter(RunFinished.class::isInstance)
                    .map(RunFinished.class::cast)
                    .findFirst()
                    .orElse(null),
            java.util.Objects::nonNull);
  }

  /** The start event of {@code run}, if consumed. */
  public RunStarted started(UUID run) {
    return runEvents(run).stream()
        .filter(RunStarted.class::isInstance)
        .map(RunStarted.class::cast)
        .findFirst()
        .orElse(null);
  }

  @Override
  public void close() throws InterruptedException {
    open.set(false);
    poller.join(5000);
  }
}
