package io.pokeapi.observability.diff.messaging;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.JsonEventDeserializer;
import io.pokeapi.observability.diff.drift.RunFinalizer;
import io.pokeapi.observability.diff.ingest.ResponseIngestor;
import io.pokeapi.observability.diff.storage.DeadLetter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code pokeapi.api-responses} in batches, in the consumer group of the diff service: the
 * records of one resource key share a partition, so they arrive in order, and more replicas share
 * the partitions.
 *
 * <p>A batch is acknowledged only when every record in it is stored or kept as a dead letter; the
 * connector's {@code throttled} commit strategy then commits the offsets. A crash in between
 * replays the batch, which the idempotent writes turn into no change. While the database does not
 * answer, the batch waits however long it takes ({@link StoreRetries}). A batch the database
 * refuses is retried a few times, then stored record by record; a record still refused is kept as a
 * dead letter with the reason, and the partition moves on. A record that could not be decoded is
 * kept as a dead letter at once.
 */
@ApplicationScoped
public class ApiResponseConsumer {

  /** The channel name, configured under {@code mp.messaging.incoming.api-responses}. */
  public static final String CHANNEL = "api-responses";

  private final ResponseIngestor ingestor;
  private final StoreRetries retries;
  private final RunFinalizer finalizer;

  public ApiResponseConsumer(
      ResponseIngestor ingestor, StoreRetries retries, RunFinalizer finalizer) {
    this.ingestor = ingestor;
    this.retries = retries;
    this.finalizer = finalizer;
  }

  /**
   * Ingests one polled batch, then acknowledges it; a finished run waiting for these captures is
   * evaluated at once.
   */
  @Incoming(CHANNEL)
  public Uni<Void> consume(KafkaRecordBatch<String, ApiResponseCaptured> batch) {
    return store(batch.getRecords())
        .invoke(finalizer::capturesStored)
        .chain(() -> Uni.createFrom().completionStage(batch.ack()));
  }

  /** Stores records (or keeps them as dead letters); completes when each one is settled. */
  Uni<Void> store(List<KafkaRecord<String, ApiResponseCaptured>> records) {
    List<KafkaRecord<String, ApiResponseCaptured>> decoded = new ArrayList<>(records.size());
    List<KafkaRecord<String, ApiResponseCaptured>> undecodable = new ArrayList<>();
    for (KafkaRecord<String, ApiResponseCaptured> record : records) {
      if (record.getPayload() != null) {
        decoded.add(record);
      } else if (decodingError(record) != null) {
        undecodable.add(record);
      }
    }
    Uni<Void> deadLetters =
        Multi.createFrom()
            .iterable(undecodable)
            .onItem()
            .transformToUniAndConcatenate(
                record ->
                    retries.deadLetter(
                        letter(record, "could not be decoded: " + decodingError(record))))
            .collect()
            .last()
            .replaceWithVoid();
    if (decoded.isEmpty()) {
      return deadLetters;
    }
    return deadLetters.chain(
        () ->
            retries
                .run(
                    "a batch of " + decoded.size() + " captures",
                    () -> ingestor.ingest(decoded.stream().map(KafkaRecord::getPayload).toList()))
                .replaceWithVoid()
                .onFailure(StoreRetries.GaveUp.class)
                .recoverWithUni(() -> oneByOne(decoded)));
  }

  /** The batch was refused: each record alone, so that only the ones at fault are given up. */
  private Uni<Void> oneByOne(List<KafkaRecord<String, ApiResponseCaptured>> records) {
    return Multi.createFrom()
        .iterable(records)
        .onItem()
        .transformToUniAndConcatenate(
            record ->
                retries
                    .run(
                        "capture " + record.getKey(),
                        () -> ingestor.ingest(List.of(record.getPayload())))
                    .replaceWithVoid()
                    .onFailure(StoreRetries.GaveUp.class)
                    .recoverWithUni(
                        failure ->
                            retries.deadLetter(letter(record, String.valueOf(failure.getCause())))))
        .collect()
        .last()
        .replaceWithVoid();
  }

  private static DeadLetter letter(KafkaRecord<String, ApiResponseCaptured> record, String reason) {
    String payload = record.getPayload() == null ? null : EventJson.toJson(record.getPayload());
    return new DeadLetter(
        record.getTopic(),
        record.getPartition(),
        record
            .getMetadata(IncomingKafkaRecordMetadata.class)
            .map(IncomingKafkaRecordMetadata::getOffset)
            .orElse(-1L),
        record.getKey(),
        payload,
        reason);
  }

  /** The reason the deserializer gave for a record it could not decode, or {@code null}. */
  private static String decodingError(KafkaRecord<String, ApiResponseCaptured> record) {
    return record
        .getMetadata(IncomingKafkaRecordMetadata.class)
        .map(m -> m.getHeaders().lastHeader(JsonEventDeserializer.ERROR_HEADER))
        .map(Header::value)
        .map(value -> new String(value, StandardCharsets.UTF_8))
        .orElse(null);
  }
}
