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
  private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(60);

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
        new RunContext(run, client, publisher, contract, metrics, log, config, clock);
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
    try {
      publisher.flush(FLUSH_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Instant finishedAt = clock.instant();
    metrics.suiteExecuted(run.suite().id(), finishedAt);
    registry.finished(run);
    run.finish(end, finishedAt, why);
    try {
      publisher.publish(RunFinished.of(started, finishedAt, run.totals(), end.toRunStatus()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.infof("Run %s (%s) %s: %s", run.id(), run.suite(), end.id(), run.progress());
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
