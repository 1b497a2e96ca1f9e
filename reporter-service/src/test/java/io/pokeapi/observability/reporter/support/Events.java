package io.pokeapi.observability.reporter.support;

import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.DriftDetected;
import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.KafkaMessageLimits;
import io.pokeapi.observability.common.contract.LatencyRegressionDetected;
import io.pokeapi.observability.common.contract.LoadRunSummary;
import io.pokeapi.observability.common.contract.RunEvent;
import io.pokeapi.observability.common.contract.Topics;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes contract events on their topics under their contract keys, as the producers do. */
public final class Events implements AutoCloseable {

  private final KafkaProducer<String, String> producer;

  public Events() {
    Map<String, Object> config =
        new HashMap<>(KafkaBroker.shared().clientConfig("reporter-test-" + UUID.randomUUID()));
    config.putAll(KafkaMessageLimits.producerConfig());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    producer = new KafkaProducer<>(config);
  }

  public void run(RunEvent event) {
    send(Topics.RUN_EVENTS, event.messageKey(), event);
  }

  public void check(CheckResult result) {
    send(Topics.CHECK_RESULTS, result.messageKey(), result);
  }

  public void drift(DriftDetected drift) {
    send(Topics.DRIFT_EVENTS, drift.messageKey(), drift);
  }

  public void latency(LatencyRegressionDetected r) {
    send(Topics.LATENCY_REGRESSIONS, r.messageKey(), r);
  }

  public void load(LoadRunSummary s) {
    send(Topics.LOAD_SUMMARIES, s.messageKey(), s);
  }

  private void send(String topic, String key, Object event) {
    try {
      producer
          .send(new ProducerRecord<>(topic, key, EventJson.toJson(event)))
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot publish to " + topic, e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
