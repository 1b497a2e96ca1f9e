package io.pokeapi.observability.probe.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.RunEvent;
import io.pokeapi.observability.probe.config.ProbeInstance;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes the probe's events to Kafka: every captured response ({@code pokeapi.api-responses},
 * keyed by endpoint/resource), every check result ({@code pokeapi.check-results}) and the frame of
 * each run ({@code pokeapi.run-events}), both keyed by run id.
 *
 * <p>Sends are asynchronous with a bound on the messages not yet acknowledged ({@link
 * #MAX_IN_FLIGHT}): a caller waits only when Kafka falls that far behind. {@link #flush(Duration)}
 * waits until everything sent so far is acknowledged, so a run's {@code RunFinished} follows all of
 * its results. A send that fails is logged and counted ({@code pokeapi_events_failed_total}); it
 * never fails the run.
 */
@ApplicationScoped
public class ProbeEventPublisher {

  /** Messages sent but not yet acknowledged by Kafka, over all channels. */
  static final int MAX_IN_FLIGHT = 1024;

  private static final Logger LOG = Logger.getLogger(ProbeEventPublisher.class);

  private final MutinyEmitter<ApiResponseCaptured> responses;
  private final MutinyEmitter<CheckResult> checks;
  private final MutinyEmitter<RunEvent> runs;
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT, true);
  private final MeterRegistry registry;
  private final ProbeInstance instance;

  /** The Kafka header naming the probe instance that wrote a run event. */
  public static final String INSTANCE_HEADER = "pokeobs-probe-instance";

  public ProbeEventPublisher(
      @Channel(Channels.API_RESPONSES)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = MAX_IN_FLIGHT)
          MutinyEmitter<ApiResponseCaptured> responses,
      @Channel(Channels.CHECK_RESULTS)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = MAX_IN_FLIGHT)
          MutinyEmitter<CheckResult> checks,
      @Channel(Channels.RUN_EVENTS)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = MAX_IN_FLIGHT)
          MutinyEmitter<RunEvent> runs,
      MeterRegistry registry,
      ProbeInstance instance) {
    this.instance = instance;
    this.responses = responses;
    this.checks = checks;
    this.runs = runs;
    this.registry = registry;
  }

  /**
   * Sends a captured response.
   *
   * @return completes when the broker acknowledged the record, exceptionally when it could not be
   *     published (too large for a record, refused by the broker, not acknowledged in time)
   */
  public CompletableFuture<Void> publish(ApiResponseCaptured event) throws InterruptedException {
    return send(responses, event, event.messageKey(), Channels.API_RESPONSES);
  }

  /** Sends a check result. */
  public void publish(CheckResult event) throws InterruptedException {
    send(checks, event, event.messageKey(), Channels.CHECK_RESULTS);
  }

  /**
   * Sends a run event, with this instance's id in header {@value #INSTANCE_HEADER}.
   *
   * @return completes when the broker acknowledged it, exceptionally when it could not be published
   */
  public CompletableFuture<Void> publish(RunEvent event) throws InterruptedException {
    return send(
        runs,
        event,
        event.messageKey(),
        Channels.RUN_EVENTS,
        new RecordHeaders().add(INSTANCE_HEADER, instance.id().getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Waits until every message sent so far is acknowledged (or failed), at most {@code timeout}.
   *
   * @return whether everything was acknowledged in time
   */
  public boolean flush(Duration timeout) throws InterruptedException {
    if (inFlight.tryAcquire(MAX_IN_FLIGHT, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      inFlight.release(MAX_IN_FLIGHT);
      return true;
    }
    LOG.warnf("Kafka did not acknowledge all events within %s", timeout);
    return false;
  }

  private <T> CompletableFuture<Void> send(
      MutinyEmitter<T> emitter, T event, String key, String channel) throws InterruptedException {
    return send(emitter, event, key, channel, null);
  }

  private <T> CompletableFuture<Void> send(
      MutinyEmitter<T> emitter, T event, String key, String channel, Headers headers)
      throws InterruptedException {
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    inFlight.acquire();
    try {
      Message<T> message =
          Message.of(event)
              .addMetadata(
                  headers == null
                      ? OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build()
                      : OutgoingKafkaRecordMetadata.<String>builder()
                          .withKey(key)
                          .withHeaders(headers)
                          .build());
      emitter
          .sendMessage(message)
          .subscribe()
          .with(
              ok -> {
                acknowledged.complete(null);
                inFlight.release();
              },
              failure -> {
                failed(channel, key, failure);
                acknowledged.completeExceptionally(failure);
                inFlight.release();
              });
    } catch (RuntimeException e) {
      failed(channel, key, e);
      acknowledged.completeExceptionally(e);
      inFlight.release();
    }
    return acknowledged;
  }

  private void failed(String channel, String key, Throwable failure) {
    Counter.builder("pokeapi.events.failed")
        .description("Events the probe could not publish to Kafka")
        .tag("channel", channel)
        .register(registry)
        .increment();
    LOG.warnf("Could not publish %s event %s: %s", channel, key, failure.toString());
  }
}
