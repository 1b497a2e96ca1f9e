package io.pokeapi.observability.diff.messaging;

import io.pokeapi.observability.diff.config.DiffConfig;
import io.pokeapi.observability.diff.health.IngestStatus;
import io.pokeapi.observability.diff.metrics.DiffMetrics;
import io.pokeapi.observability.diff.storage.DeadLetter;
import io.pokeapi.observability.diff.storage.DeadLetterRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs the writes of the consumers so that no record can stop a partition and no outage loses one:
 *
 * <ul>
 *   <li>While the database does not answer (down, restarting, turning connections away), a write is
 *       retried with back-off for as long as that lasts, and never counted against the record;
 *       readiness is DOWN meanwhile. The consumer keeps polling (the connector pauses the
 *       partitions once its queue is full), so it stays in its group however long the outage is.
 *   <li>A write the database answers but refuses is tried {@code diff.ingest.max-attempts} times;
 *       before each such failure counts, the database is asked whether it answers at all, so an
 *       outage is never mistaken for a bad record. Then the caller gets {@link GaveUp}.
 *   <li>{@link #deadLetter} keeps a record that was given up, with the reason, counts it ({@code
 *       pokeapi_ingest_dead_letters_total}) and logs it; the caller then acknowledges it, so the
 *       partition moves on.
 * </ul>
 */
@ApplicationScoped
public class StoreRetries {

  private static final Logger LOG = Logger.getLogger(StoreRetries.class);

  /** The write was refused {@code diff.ingest.max-attempts} times while the database answered. */
  public static final class GaveUp extends RuntimeException {
    GaveUp(Throwable cause) {
      super(cause.toString(), cause, false, false);
    }
  }

  /** The database does not answer. */
  static final class Unavailable extends RuntimeException {
    Unavailable(Throwable cause) {
      super(cause.toString(), cause, false, false);
    }
  }

  private final Pool pool;
  private final DeadLetterRepository deadLetters;
  private final IngestStatus status;
  private final DiffMetrics metrics;
  private final DiffConfig.Ingest config;
  private volatile boolean stopping;

  public StoreRetries(
      Pool pool,
      DeadLetterRepository deadLetters,
      IngestStatus status,
      DiffMetrics metrics,
      DiffConfig config) {
    this.pool = pool;
    this.deadLetters = deadLetters;
    this.status = status;
    this.metrics = metrics;
    this.config = config.ingest();
  }

  void onStart(@Observes StartupEvent event) {
    deadLetters
        .count(pool)
        .subscribe()
        .with(
            status::deadLettersStored,
            failure -> LOG.debugf("Dead letters not counted: %s", failure));
  }

  /** Stops retrying on shutdown: what was not acknowledged is replayed after the restart. */
  void onStop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  /**
   * Runs {@code write} until it succeeds: as long as the database is unavailable, and up to {@code
   * diff.ingest.max-attempts} times while it answers.
   *
   * @param what names the write in log lines
   * @return the write's outcome, or a {@link GaveUp} failure
   */
  public <T> Uni<T> run(String what, Supplier<Uni<T>> write) {
    AtomicInteger refused = new AtomicInteger();
    return Uni.createFrom()
        .<T>deferred(() -> write.get())
        .ifNoItem()
        .after(config.attemptTimeout())
        .fail()
        .onFailure()
        .recoverWithUni(failure -> classify(failure, refused))
        .onFailure(failure -> !(failure instanceof GaveUp) && !stopping)
        .invoke(failure -> noteRetry(what, failure, refused.get()))
        .onFailure(failure -> !(failure instanceof GaveUp) && !stopping)
        .retry()
        .withBackOff(config.retryBackoff(), config.maxBackoff())
        .indefinitely()
        .invoke(status::storeAvailable);
  }

  /**
   * Keeps a record that was given up as a dead letter (waiting out an outage if need be), counts
   * and logs it.
   */
  public Uni<Void> deadLetter(DeadLetter letter) {
    return Uni.createFrom()
        .deferred(() -> deadLetters.insert(pool, letter))
        .onFailure(failure -> !stopping)
        .invoke(
            failure -> {
              status.storeUnavailable(failure);
              LOG.warnf(
                  "Dead letter %s-%d@%d not kept yet, retrying: %s",
                  letter.topic(), letter.partition(), letter.offset(), failure);
            })
        .onFailure(failure -> !stopping)
        .retry()
        .withBackOff(config.retryBackoff(), config.maxBackoff())
        .indefinitely()
        .invoke(
            isNew -> {
              status.storeAvailable();
              if (isNew) {
                status.deadLetter();
                metrics.deadLetter(letter.topic());
              }
              LOG.errorf(
                  "Record %s-%d@%d (key %s) could not be stored and was kept as a dead letter: %s",
                  letter.topic(),
                  letter.partition(),
                  letter.offset(),
                  letter.key(),
                  letter.reason());
            })
        .replaceWithVoid();
  }

  private <T> Uni<T> classify(Throwable failure, AtomicInteger refused) {
    if (failure instanceof GaveUp) {
      return Uni.createFrom().failure(failure);
    }
    if (StoreOutage.is(failure) && !(failure instanceof io.smallrye.mutiny.TimeoutException)) {
      return Uni.createFrom().failure(new Unavailable(failure));
    }
    return answers()
        .onItem()
        .transformToUni(
            answers -> {
              if (!answers) {
                return Uni.createFrom().failure(new Unavailable(failure));
              }
              if (refused.incrementAndGet() >= config.maxAttempts()) {
                return Uni.createFrom().failure(new GaveUp(failure));
              }
              return Uni.createFrom().failure(failure);
            });
  }

  /** Whether the database answers a trivial query. */
  private Uni<Boolean> answers() {
    return pool.query("SELECT 1")
        .execute()
        .ifNoItem()
        .after(Duration.ofSeconds(10))
        .fail()
        .map(rows -> true)
        .onFailure()
        .recoverWithItem(false);
  }

  private void noteRetry(String what, Throwable failure, int refused) {
    if (failure instanceof Unavailable unavailable) {
      boolean first = status.storeUnavailableSince() == null;
      status.storeUnavailable(unavailable.getCause());
      if (first) {
        LOG.warnf(
            "The database is unavailable; %s waits until it answers again: %s",
            what, unavailable.getCause());
      } else {
        LOG.debugf("Still waiting for the database (%s): %s", what, unavailable.getCause());
      }
    } else {
      LOG.errorf(
          failure,
          "Could not store %s (attempt %d of %d); retrying",
          what,
          refused,
          config.maxAttempts());
    }
  }
}
