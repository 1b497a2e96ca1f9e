package io.pokeapi.observability.diff.messaging;

import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.JsonEventDeserializer;
import io.pokeapi.observability.common.contract.RunEvent;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStarted;
import io.pokeapi.observability.diff.drift.RunFinalizer;
import io.pokeapi.observability.diff.storage.DeadLetter;
import io.pokeapi.observability.diff.storage.RunRepository;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code pokeapi.run-events}: notes the start and the end of each probe run. A finished
 * run is evaluated (schema sweep, latency) by the {@link RunFinalizer} once its captures are in.
 * Writes go through {@link StoreRetries}: a database outage is waited out, an event the database
 * keeps refusing (or that could not be decoded) is kept as a dead letter and the topic moves on.
 */
@ApplicationScoped
public class RunEventConsumer {

  /** The channel name, configured under {@code mp.messaging.incoming.run-events}. */
  public static final String CHANNEL = "run-events";

  private final Pool pool;
  private final RunRepository runs;
  private final RunFinalizer finalizer;
  private final StoreRetries retries;

  public RunEventConsumer(
      Pool pool, RunRepository runs, RunFinalizer finalizer, StoreRetries retries) {
    this.pool = pool;
    this.runs = runs;
    this.finalizer = finalizer;
    this.retries = retries;
  }

  /** Records one run event, then acknowledges it. */
  @Incoming(CHANNEL)
  public Uni<Void> consume(Message<RunEvent> message) {
    Optional<IncomingKafkaRecordMetadata> metadata =
        message.getMetadata(IncomingKafkaRecordMetadata.class);
    String decodingError = metadata.map(RunEventConsumer::decodingError).orElse(null);
    Uni<Void> stored;
    if (message.getPayload() == null && decodingError != null) {
      stored = retries.deadLetter(letter(metadata, null, "could not be decoded: " + decodingError));
    } else {
      RunEvent event = message.getPayload();
      stored =
          retries
              .run("run event " + (event == null ? "" : event.runId()), () -> record(event))
              .onFailure(StoreRetries.GaveUp.class)
              .recoverWithUni(
                  failure ->
                      retries.deadLetter(
                          letter(
                              metadata,
                              EventJson.toJson(event),
                              String.valueOf(failure.getCause()))));
    }
    return stored.chain(() -> Uni.createFrom().completionStage(message.ack()));
  }

  /** Records one run event; unknown event types (read as {@code null}) are skipped. */
  Uni<Void> record(RunEvent event) {
    return switch (event) {
      case null -> Uni.createFrom().voidItem();
      case RunStarted started ->
          runs.recordStarted(
              pool, started.runId(), started.suite(), started.endpoints(), started.startedAt());
      case RunFinished finished ->
          runs.recordFinished(
                  pool,
                  finished.runId(),
                  finished.suite(),
                  finished.endpoints(),
                  finished.startedAt(),
                  finished.finishedAt(),
                  finished.status() == null
                      ? "unknown"
                      : finished.status().name().toLowerCase(Locale.ROOT),
                  finished.totals().requests(),
                  finished.capturesPublished())
              .invoke(finalizer::evaluateSoon);
    };
  }

  private static DeadLetter letter(
      Optional<IncomingKafkaRecordMetadata> metadata, String payload, String reason) {
    return new DeadLetter(
        metadata.map(IncomingKafkaRecordMetadata::getTopic).orElse("pokeapi.run-events"),
        metadata.map(IncomingKafkaRecordMetadata::getPartition).orElse(-1),
        metadata.map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L),
        metadata.map(m -> m.getKey() == null ? null : m.getKey().toString()).orElse(null),
        payload,
        reason);
  }

  private static String decodingError(IncomingKafkaRecordMetadata<?, ?> metadata) {
    Header header = metadata.getHeaders().lastHeader(JsonEventDeserializer.ERROR_HEADER);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
