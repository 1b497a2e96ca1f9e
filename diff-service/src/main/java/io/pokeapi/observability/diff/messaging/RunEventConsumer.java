package io.pokeapi.observability.diff.messaging;

import io.pokeapi.observability.common.contract.RunEvent;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStarted;
import io.pokeapi.observability.diff.drift.RunFinalizer;
import io.pokeapi.observability.diff.storage.RunRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code pokeapi.run-events}: notes the start and the end of each probe run. A finished
 * run is evaluated (schema sweep, latency) by the {@link RunFinalizer} once its captures are in.
 */
@ApplicationScoped
public class RunEventConsumer {

  /** The channel name, configured under {@code mp.messaging.incoming.run-events}. */
  public static final String CHANNEL = "run-events";

  private final Pool pool;
  private final RunRepository runs;
  private final RunFinalizer finalizer;
  private volatile boolean stopping;

  public RunEventConsumer(Pool pool, RunRepository runs, RunFinalizer finalizer) {
    this.pool = pool;
    this.runs = runs;
    this.finalizer = finalizer;
  }

  /** Stops retrying on shutdown: the unacknowledged event is replayed after the restart. */
  void onStop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  /** Records one run event; unknown event types (read as {@code null}) are skipped. */
  @Incoming(CHANNEL)
  public Uni<Void> consume(RunEvent event) {
    Uni<Void> write =
        switch (event) {
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
                      finished.totals().requests())
                  .invoke(finalizer::evaluateSoon);
        };
    return write
        .onFailure(failure -> !stopping)
        .retry()
        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30))
        .indefinitely();
  }
}
