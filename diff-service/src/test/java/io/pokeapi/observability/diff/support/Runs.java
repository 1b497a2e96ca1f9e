package io.pokeapi.observability.diff.support;

import static org.awaitility.Awaitility.await;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStarted;
import io.pokeapi.observability.common.contract.RunStatus;
import io.pokeapi.observability.common.contract.RunTotals;
import io.pokeapi.observability.common.contract.RunTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Plays whole probe runs: start, captures, end; and waits until the service evaluated them. */
public final class Runs {

  private final Db db;

  public Runs(Db db) {
    this.db = db;
  }

  /**
   * Publishes a run of {@code suite} over {@code endpoint} with these captures and waits until the
   * diff service has evaluated it.
   */
  public void play(UUID runId, String suite, String endpoint, List<ApiResponseCaptured> captures) {
    Instant start =
        captures.stream()
            .map(ApiResponseCaptured::capturedAt)
            .min(Instant::compareTo)
            .orElse(Instant.now());
    Instant end =
        captures.stream()
            .map(ApiResponseCaptured::capturedAt)
            .max(Instant::compareTo)
            .orElse(Instant.now());
    RunStarted started =
        RunStarted.of(runId, suite, RunTrigger.API, List.of(endpoint), start.minusSeconds(1));
    TestKafka.publishRunEvents(started);
    TestKafka.publish(captures);
    TestKafka.publishRunEvents(
        RunFinished.of(
            started,
            end.plusSeconds(1),
            new RunTotals(captures.size(), captures.size(), 0, 0),
            RunStatus.COMPLETED));
    awaitEvaluated(runId);
  }

  /** Waits until the diff service has evaluated run {@code runId}. */
  public void awaitEvaluated(UUID runId) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                db.count(
                        "SELECT count(*) FROM probe_runs WHERE run_id = $1 AND finalized_at IS NOT NULL",
                        runId)
                    == 1);
  }
}
