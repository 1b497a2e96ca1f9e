package io.pokeapi.observability.diff.messaging;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.diff.ingest.ResponseIngestor;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code pokeapi.api-responses} in batches, in the consumer group of the diff service: the
 * records of one resource key share a partition, so they arrive in order, and more replicas share
 * the partitions.
 *
 * <p>A batch is acknowledged only when its database transaction has committed; the connector's
 * {@code throttled} commit strategy then commits the offsets. A crash in between replays the batch,
 * which the idempotent writes turn into no change. A batch that cannot be written (the database is
 * down) is retried with back-off and never skipped; while it waits, the connector's health check
 * reports the channel as not ready once the records wait longer than its threshold.
 */
@ApplicationScoped
public class ApiResponseConsumer {

  /** The channel name, configured under {@code mp.messaging.incoming.api-responses}. */
  public static final String CHANNEL = "api-responses";

  private static final Logger LOG = Logger.getLogger(ApiResponseConsumer.class);

  private final ResponseIngestor ingestor;
  private volatile boolean stopping;

  public ApiResponseConsumer(ResponseIngestor ingestor) {
    this.ingestor = ingestor;
  }

  /** Stops retrying on shutdown: the unacknowledged batch is replayed after the restart. */
  void onStop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  /** Ingests one polled batch, then acknowledges it. */
  @Incoming(CHANNEL)
  public Uni<Void> consume(KafkaRecordBatch<String, ApiResponseCaptured> batch) {
    return ingestor
        .ingest(batch.getPayload())
        .onFailure(failure -> !stopping)
        .invoke(
            failure ->
                LOG.errorf(
                    failure,
                    "Could not ingest a batch of %d captures; retrying",
                    batch.getPayload().size()))
        .onFailure(failure -> !stopping)
        .retry()
        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30))
        .indefinitely()
        .chain(report -> Uni.createFrom().completionStage(batch.ack()));
  }
}
