package io.pokeapi.observability.probe.run;

import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStarted;
import io.pokeapi.observability.probe.client.PokeApiClient;
import io.pokeapi.observability.probe.config.ProbeConfig;
import io.pokeapi.observability.probe.contract.ContractSchemas;
import io.pokeapi.observability.probe.logging.ProbeLog;
import io.pokeapi.observability.probe.messaging.ProbeEventPublisher;
import io.pokeapi.observability.probe.metrics.ProbeMetrics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Starts, runs and cancels runs. Each run executes on its own virtual thread, framed by {@code
 * RunStarted} and {@code RunFinished} (with its totals) on Kafka; the {@code RunFinished} is sent
 * once every event of the run has been acknowledged.
 */
@ApplicationScoped
public class RunService {

  private static final Logger LOG = Logger.getLogger(RunService.class);

  /**
   * How long the end of a run waits for the broker to acknowledge (or refuse) every event of the
   * run: beyond the producer's delivery timeout (120 s), after which every send has an outcome.
   */
  private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(180);

  private final Map<Suite, ProbeSuite> suites = new EnumMap<>(Suite.class);
  private final RunRegistry registry;
  private final PokeApiClient client;
  private final ProbeEventPublisher publisher;
  private final ContractSchemas contract;
  private final ProbeMetrics metrics;
  private final ProbeLog log;
  private final ProbeConfig config;
  private final Clock clock = Clock.systemUTC();
  private final ExecutorService executor =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("probe-run-", 0).factory());

  /** Records check results once the broker acknowledged their captures (see RunContext). */
  private final ExecutorService deferredChecks =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("probe-check-", 0).factory());

  public RunService(
      Instance<ProbeSuite> available,
      RunRegistry registry,
      PokeApiClient client,
      ProbeEventPublisher publisher,
      ContractSchemas contract,
      ProbeMetrics metrics,
      ProbeLog log,
      ProbeConfig config) {
    available.forEach(s -> suites.put(s.suite(), s));
    this.registry = registry;
    this.client = client;
    this.publisher = publisher;
    this.contract = contract;
    this.metrics = metrics;
    this.log = log;
    this.config = config;
  }

  /**
   * Starts a run in the background.
   *
   * @throws RunAlreadyActiveException when a run of the same suite is still going (the new one is
   *     counted as skipped)
   */
  public Run start(RunRequest request) {
    ProbeSuite suite = suites.get(request.suite());
    if (suite == null) {
      throw new IllegalStateException("no implementation of suite " + request.suite());
    }
    Run run = registry.register(request, suite.endpoints(request));
    executor.execute(() -> execute(run, suite));
    return run;
  }

  /**
   * Asks a run to stop.
   *
   * @return the run, or empty when it is unknown
   * @throws IllegalStateException when the run has already ended
   */
  public Optional<Run> cancel(UUID id) {
    Optional<Run> run = registry.find(id);
    run.ifPresent(
        r -> {
          if (!r.requestCancel()) {
            throw new RunAlreadyFinishedException(r);
          }
        });
    return run;
  }

  private void execute(Run run, ProbeSuite suite) {
    run.runsOn(Thread.currentThread());
    RunContext context =
        new RunContext(
            run, client, publisher, contract, metrics, log, config, clock, deferredChecks);
    RunStarted started =
        RunStarted.of(
            run.id(), run.suite().id(), run.request().trigger(), run.endpoints(), run.startedAt());
    RunState end;
    String why = null;
    try {
      LOG.infof("Run %s (%s) started for %s", run.id(), run.suite(), run.endpoints());
      publisher.publish(started);
      suite.run(context);
      end = run.cancelRequested() ? RunState.CANCELLED : RunState.COMPLETED;
    } catch (InterruptedException e) {
      end = RunState.CANCELLED;
    } catch (RuntimeException | Error e) {
      LOG.errorf(e, "Run %s (%s) broke", run.id(), run.suite());
      end = run.cancelRequested() ? RunState.CANCELLED : RunState.FAILED;
      why = e.toString();
    }
    run.runsOn(null);
    Thread.interrupted();
    boolean flushed = false;
    try {
      // the results of passed checks are recorded once their captures are acknowledged
      boolean recorded = run.awaitDeferredChecks(FLUSH_TIMEOUT);
      // every capture has been acknowledged or refused once this returns, so the count is final
      flushed = publisher.flush(FLUSH_TIMEOUT) && recorded;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Instant finishedAt = clock.instant();
    metrics.suiteExecuted(run.suite().id(), finishedAt);
    registry.finished(run);
    run.finish(end, finishedAt, why);
    metrics.runFinished(run.suite().id(), end.id(), run.verdict(), run.totals().failed());
    try {
      publisher.publish(
          RunFinished.of(
              started,
              finishedAt,
              run.totals(),
              end.toRunStatus(),
              // not final when the broker left sends without an outcome: consumers then settle
              flushed ? run.capturesPublished() : null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    logEnd(run, end);
  }

  private static void logEnd(Run run, RunState end) {
    RunProgress p = run.progress();
    String verdict = run.verdict();
    String line =
        String.format(
            "Run %s (%s) %s, verdict %s: %d passed, %d FAILED, %d skipped, %d flaky, %d requests,"
                + " %d captures published",
            run.id(),
            run.suite().id(),
            end.id(),
            verdict.toUpperCase(java.util.Locale.ROOT),
            p.passed(),
            p.failed(),
            p.skipped(),
            run.flaky(),
            p.requests(),
            run.capturesPublished());
    if ("passed".equals(verdict)) {
      LOG.info(line);
    } else {
      LOG.warn(line);
    }
  }

  void onShutdown(@Observes ShutdownEvent event) {
    registry.activeRuns().forEach(Run::requestCancel);
    executor.shutdown();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
