package io.pokeapi.observability.load.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.KafkaMessageLimits;
import io.pokeapi.observability.common.contract.LoadRunSummary;
import io.pokeapi.observability.common.contract.Topics;
import io.pokeapi.observability.load.run.SummaryPublisher;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes {@link LoadRunSummary} on {@link Topics#LOAD_SUMMARIES} keyed by run id, as
 * common-model's {@link EventJson}, and waits for the broker's acknowledgement.
 */
public final class KafkaSummaryPublisher implements SummaryPublisher, AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;
  private KafkaClientMetrics metrics;

  public KafkaSummaryPublisher(Map<String, Object> kafka, String clientId) {
    Map<String, Object> config = new HashMap<>();
    config.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        kafka.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
    config.putAll(KafkaMessageLimits.producerConfig());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  /**
   * Exports the producer's Kafka client metrics ({@code kafka_producer_*}, e.g. records sent per
   * topic) to {@code registry}, as the messaging channels of the other services do.
   */
  public void bindMetrics(MeterRegistry registry) {
    metrics = new KafkaClientMetrics(producer);
    metrics.bindTo(registry);
  }

  @Override
  public void publish(LoadRunSummary summary) {
    try {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.LOAD_SUMMARIES, summary.messageKey(), EventJson.toBytes(summary)))
          .get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing a load summary", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "the broker did not take the summary of load run " + summary.runId(), e);
    }
  }

  @Override
  public void close() {
    if (metrics != null) {
      metrics.close();
    }
    producer.close(Duration.ofSeconds(5));
  }
}
