package io.pokeapi.observability.diff.drift;

import io.pokeapi.observability.diff.baseline.LatencyRegressionEvents;
import io.pokeapi.observability.diff.baseline.RunLatencyEvaluator;
import io.pokeapi.observability.diff.config.DiffConfig;
import io.pokeapi.observability.diff.ingest.Capture;
import io.pokeapi.observability.diff.messaging.OutboxRelay;
import io.pokeapi.observability.diff.metrics.DiffMetrics;
import io.pokeapi.observability.diff.storage.OutboxMessage;
import io.pokeapi.observability.diff.storage.OutboxRepository;
import io.pokeapi.observability.diff.storage.ProbeRun;
import io.pokeapi.observability.diff.storage.RunRepository;
import io.pokeapi.observability.diff.storage.RunRepository.FinishedRun;
import io.pokeapi.observability.diff.storage.RunRepository.ScopeCoverage;
import io.pokeapi.observability.diff.storage.SchemaRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Evaluates finished probe runs once their captures are in ({@link RunReadiness}: every capture the
 * probe announced is stored; for older probes, as many as it made requests or none for {@code
 * diff.runs.settle-time}); a run whose captures never all arrive is closed as incomplete. Then, in
 * one transaction per pass: the schema of each scope a full sweep covered is settled ({@link
 * SweepSchemaRecorder}), the run's latency is compared with the baselines ({@link
 * RunLatencyEvaluator}), the drift and latency regression events go to the outbox, and the run is
 * marked evaluated. Runs are claimed with {@code SKIP LOCKED}, so replicas share the work.
 */
@ApplicationScoped
public class RunFinalizer {

  private static final Logger LOG = Logger.getLogger(RunFinalizer.class);
  private static final int RUNS_PER_PASS = 10;
  private static final Duration MAX_RECHECK_DELAY = Duration.ofSeconds(5);

  private final Pool pool;
  private final RunRepository runs;
  private final SchemaRepository schemas;
  private final OutboxRepository outbox;
  private final SweepSchemaRecorder sweeps;
  private final RunLatencyEvaluator latency;
  private final DiffMetrics metrics;
  private final OutboxRelay relay;
  private final DiffConfig config;
  private final AtomicBoolean running = new AtomicBoolean();

  /** Whether a pass was asked for while one ran: another pass follows it. */
  private final AtomicBoolean passRequested = new AtomicBoolean();

  /** Whether the last pass left a finished run waiting for captures not stored yet. */
  private final AtomicBoolean awaitingCaptures = new AtomicBoolean();

  /** Whether a pass is due shortly because the last one left a run waiting for captures. */
  private final AtomicBoolean recheckScheduled = new AtomicBoolean();

  /** Rechecks in a row since captures were last stored: each waits twice as long, up to 5 s. */
  private final AtomicInteger idleRechecks = new AtomicInteger();

  public RunFinalizer(
      Pool pool,
      RunRepository runs,
      SchemaRepository schemas,
      OutboxRepository outbox,
      SweepSchemaRecorder sweeps,
      RunLatencyEvaluator latency,
      DiffMetrics metrics,
      OutboxRelay relay,
      DiffConfig config) {
    this.pool = pool;
    this.runs = runs;
    this.schemas = schemas;
    this.outbox = outbox;
    this.sweeps = sweeps;
    this.latency = latency;
    this.metrics = metrics;
    this.relay = relay;
    this.config = config;
  }

  /**
   * Captures were stored: when a finished run was waiting for captures, a pass starts now, so that
   * a run whose end arrived before its last captures is evaluated as soon as they are stored, not
   * at the next scheduled pass ({@code diff.runs.check-every}).
   */
  public void capturesStored() {
    idleRechecks.set(0);
    if (awaitingCaptures.get()) {
      evaluateSoon();
    }
  }

  /** Starts a pass in the background (after the running one, if a pass is running). */
  public void evaluateSoon() {
    passRequested.set(true);
    finalizeReadyRuns()
        .subscribe()
        .with(count -> {}, failure -> LOG.warnf("Run evaluation failed, will retry: %s", failure));
  }

  /**
   * A finished run is waiting for captures, or could not be claimed (an ingest transaction held its
   * row): looks again after {@code diff.runs.recheck-every}, twice as long after each recheck with
   * no capture stored in between, up to 5 s. So a run is evaluated soon after its last captures
   * even when they were stored between a pass's count and its verdict, or while its row was locked.
   */
  private void recheckSoon() {
    if (recheckScheduled.compareAndSet(false, true)) {
      long first = Math.max(1, config.runs().recheckEvery().toMillis());
      long delay =
          Math.min(MAX_RECHECK_DELAY.toMillis(), first << Math.min(idleRechecks.get(), 10));
      idleRechecks.incrementAndGet();
      Uni.createFrom()
          .voidItem()
          .onItem()
          .delayIt()
          .by(Duration.ofMillis(delay))
          .subscribe()
          .with(
              ignored -> {
                recheckScheduled.set(false);
                evaluateSoon();
              });
    }
  }

  @Scheduled(
      every = "${diff.runs.check-every:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> scheduled() {
    return finalizeReadyRuns()
        .onFailure()
        .invoke(failure -> LOG.warnf("Run evaluation failed, will retry: %s", failure))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /**
   * Evaluates the finished runs that are ready; one pass per process at a time.
   *
   * @return how many runs were evaluated
   */
  public Uni<Integer> finalizeReadyRuns() {
    if (!running.compareAndSet(false, true)) {
      return Uni.createFrom().item(0);
    }
    passRequested.set(false);
    awaitingCaptures.set(false);
    List<Runnable> afterCommit = new ArrayList<>();
    return pool.withTransaction(
            connection ->
                runs.claimFinished(
                        connection,
                        config.runs().settleTime(),
                        config.runs().incompleteAfter(),
                        RUNS_PER_PASS)
                    .call(
                        claimed ->
                            runs.unevaluatedCount(connection)
                                .invoke(
                                    unevaluated -> {
                                      // a finished run this pass could not claim (an ingest or
                                      // another replica holds its row): look again soon
                                      if (unevaluated > claimed.size()) {
                                        awaitingCaptures.set(true);
                                      }
                                    }))
                    .chain(
                        claimed ->
                            Multi.createFrom()
                                .iterable(claimed)
                                .onItem()
                                .transformToUniAndConcatenate(
                                    run -> finalizeIfReady(connection, run, afterCommit))
                                .collect()
                                .with(java.util.stream.Collectors.summingInt(done -> done))))
        .invoke(done -> afterCommit.forEach(Runnable::run))
        .eventually(
            () -> {
              running.set(false);
              if (passRequested.get()) {
                evaluateSoon();
              } else if (awaitingCaptures.get()) {
                recheckSoon();
              }
            });
  }

  private Uni<Integer> finalizeIfReady(
      SqlClient connection, FinishedRun finished, List<Runnable> afterCommit) {
    ProbeRun run = finished.run();
    return runs.captureCount(connection, run.runId())
        .chain(
            captures -> {
              RunReadiness readiness =
                  RunReadiness.of(
                      run,
                      captures,
                      finished.quiet(),
                      finished.overdue(),
                      config.schema().minSweepCoverage());
              return switch (readiness.verdict()) {
                case WAIT -> {
                  awaitingCaptures.set(true);
                  yield Uni.createFrom().item(0);
                }
                case COMPLETE ->
                    finalizeRun(
                            connection,
                            run,
                            afterCommit,
                            sweeps.isFullSweep(run),
                            evaluation(run),
                            readiness.detail())
                        .replaceWith(1);
                case INCOMPLETE -> {
                  afterCommit.add(
                      () ->
                          LOG.warnf(
                              "Run %s (%s, %s) evaluated as incomplete: %s; no schema baseline or"
                                  + " schema drift from it",
                              run.runId(), run.suite(), run.status(), readiness.detail()));
                  yield finalizeRun(
                          connection, run, afterCommit, false, "incomplete", readiness.detail())
                      .replaceWith(1);
                }
              };
            });
  }

  /** How a run with all its captures in is recorded: complete, or how it ended otherwise. */
  private static String evaluation(ProbeRun run) {
    return run.status() == null || "completed".equals(run.status()) ? "complete" : run.status();
  }

  private Uni<Void> finalizeRun(
      SqlClient connection,
      ProbeRun run,
      List<Runnable> afterCommit,
      boolean sweep,
      String evaluation,
      String detail) {
    List<OutboxMessage> messages = new ArrayList<>();
    Uni<List<RecordedSchemaChange>> schemaChanges =
        sweep
            ? runs.documentCounts(connection, run.runId())
                .chain(counts -> recordSweeps(connection, run, counts, messages))
            : Uni.createFrom().item(List.of());
    return schemaChanges
        .chain(
            changes ->
                latency
                    .evaluate(connection, run.runId())
                    .invoke(
                        outcomes ->
                            outcomes.stream()
                                .filter(RunLatencyEvaluator.Outcome::newRegression)
                                .forEach(
                                    o ->
                                        messages.add(
                                            LatencyRegressionEvents.regression(
                                                o.evaluation(), o.baseline(), run.suite()))))
                    .invoke(
                        outcomes ->
                            afterCommit.add(
                                () -> {
                                  reportSchemaChanges(changes);
                                  outcomes.forEach(
                                      o -> {
                                        var e = o.evaluation();
                                        metrics.latencyRegression(
                                            e.endpoint(), e.regressed(), o.isNew());
                                        if (o.newRegression()) {
                                          LOG.warnf(
                                              "Latency regression at %s in run %s: %s %.1f ms,"
                                                  + " baseline %.1f ms (+%.0f%% allowed)",
                                              e.endpoint(),
                                              e.runId(),
                                              e.percentile(),
                                              e.runValueMs(),
                                              e.baselineValueMs(),
                                              e.threshold() * 100);
                                        }
                                      });
                                  if (!messages.isEmpty()) {
                                    relay.relaySoon();
                                  }
                                })))
        .chain(() -> outbox.insert(connection, messages))
        .chain(() -> runs.markFinalized(connection, run.runId(), evaluation, detail));
  }

  private Uni<List<RecordedSchemaChange>> recordSweeps(
      SqlClient connection,
      ProbeRun run,
      Map<String, ScopeCoverage> documentCounts,
      List<OutboxMessage> messages) {
    return schemas
        .runScopes(connection, run.runId())
        .chain(
            scopes ->
                Multi.createFrom()
                    .iterable(scopes)
                    .select()
                    .where(
                        scope ->
                            run.endpoints().isEmpty()
                                || run.endpoints().contains(Capture.endpointOfScope(scope)))
                    .onItem()
                    .transformToUniAndConcatenate(
                        scope ->
                            sweeps.record(
                                connection,
                                run,
                                scope,
                                documentCounts.getOrDefault(scope, ScopeCoverage.NONE),
                                messages))
                    .collect()
                    .asList())
        .map(lists -> lists.stream().flatMap(List::stream).toList());
  }

  private void reportSchemaChanges(List<RecordedSchemaChange> changes) {
    for (RecordedSchemaChange change : changes) {
      metrics.schemaChange(change.scope(), change.change().type().name());
      LOG.warnf(
          "Schema drift at %s: %s (shown by a full sweep, release %s, schema version %d)",
          change.scope(),
          change.change().describe(),
          change.releaseHash() == null ? "unknown" : change.releaseHash(),
          change.schemaVersion());
    }
  }
}
