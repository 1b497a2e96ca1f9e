package io.pokeapi.observability.diff.baseline;

import io.pokeapi.observability.diff.config.DiffConfig;
import io.pokeapi.observability.diff.storage.BaselineRepository;
import io.pokeapi.observability.diff.storage.LatencySampleRepository;
import io.pokeapi.observability.diff.storage.PerformanceBaseline;
import io.pokeapi.observability.diff.storage.RunRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Recomputes the performance baselines on a schedule: p50, p95 and p99 of the successful probe
 * latencies per endpoint over the last {@code diff.baseline.window} (7 days by default), stored
 * with their sample size. Samples older than {@code diff.baseline.retention} are deleted, and so
 * are the shapes of runs evaluated before then.
 */
@ApplicationScoped
public class BaselineCalculator {

  private static final Logger LOG = Logger.getLogger(BaselineCalculator.class);

  private final Pool pool;
  private final LatencySampleRepository samples;
  private final BaselineRepository baselines;
  private final RunRepository runs;
  private final DiffConfig.Baseline config;

  public BaselineCalculator(
      Pool pool,
      LatencySampleRepository samples,
      BaselineRepository baselines,
      RunRepository runs,
      DiffConfig config) {
    this.pool = pool;
    this.samples = samples;
    this.baselines = baselines;
    this.runs = runs;
    this.config = config.baseline();
  }

  @Scheduled(
      every = "${diff.baseline.recompute-every:15m}",
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> scheduled() {
    return recompute()
        .onFailure()
        .invoke(failure -> LOG.warnf("Baselines not recomputed: %s", failure))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /**
   * Computes and stores the baselines of every endpoint with samples in the window ending now.
   *
   * @return the stored baselines
   */
  public Uni<List<PerformanceBaseline>> recompute() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant from = now.minus(config.window());
    Duration retention =
        config.retention().compareTo(config.window()) < 0 ? config.window() : config.retention();
    return pool.withTransaction(
        connection ->
            samples
                .windowPercentiles(connection, from, now)
                .map(
                    percentiles ->
                        percentiles.stream()
                            .map(
                                p ->
                                    new PerformanceBaseline(
                                        0,
                                        p.endpoint(),
                                        now,
                                        from,
                                        now,
                                        p.samples(),
                                        p.p50(),
                                        p.p95(),
                                        p.p99()))
                            .toList())
                .call(computed -> baselines.insert(connection, computed))
                .call(() -> samples.deleteOlderThan(connection, now.minus(retention)))
                .call(
                    () -> runs.deleteShapesOfRunsFinalizedBefore(connection, now.minus(retention)))
                .invoke(
                    computed ->
                        LOG.debugf("Recomputed %d performance baselines", computed.size())));
  }
}
