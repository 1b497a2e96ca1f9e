package io.pokeapi.observability.diff.baseline;

import io.pokeapi.observability.diff.config.DiffConfig;
import io.pokeapi.observability.diff.storage.BaselineRepository;
import io.pokeapi.observability.diff.storage.LatencyEvaluation;
import io.pokeapi.observability.diff.storage.LatencySampleRepository;
import io.pokeapi.observability.diff.storage.LatencySampleRepository.Percentiles;
import io.pokeapi.observability.diff.storage.PerformanceBaseline;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Compares a finished run's latency per endpoint with the endpoint's latest baseline: a run whose
 * chosen percentile ({@code diff.baseline.compared-percentile}, p95 by default) is more than {@code
 * diff.baseline.regression-threshold} (20%) above the baseline's is a regression. Endpoints whose
 * baseline has fewer than {@code diff.baseline.min-samples} samples are not compared.
 */
@ApplicationScoped
public class RunLatencyEvaluator {

  /**
   * An evaluation and whether this call stored it (a replayed evaluation is not new).
   *
   * @param evaluation the evaluation
   * @param baseline the baseline it compared with
   * @param isNew whether it was stored now
   */
  public record Outcome(LatencyEvaluation evaluation, PerformanceBaseline baseline, boolean isNew) {

    /** Whether this call recorded a regression (not a replay of one recorded before). */
    public boolean newRegression() {
      return isNew && evaluation.regressed();
    }
  }

  private final LatencySampleRepository samples;
  private final BaselineRepository baselines;
  private final DiffConfig.Baseline config;

  public RunLatencyEvaluator(
      LatencySampleRepository samples, BaselineRepository baselines, DiffConfig config) {
    this.samples = samples;
    this.baselines = baselines;
    this.config = config.baseline();
  }

  /** Evaluates and stores the latency of a run, inside the caller's transaction. */
  public Uni<List<Outcome>> evaluate(SqlClient connection, UUID runId) {
    return samples
        .runPercentiles(connection, runId)
        .chain(
            runPercentiles ->
                baselines
                    .latest(connection)
                    .chain(latest -> store(connection, runId, runPercentiles, latest)));
  }

  private Uni<List<Outcome>> store(
      SqlClient connection,
      UUID runId,
      List<Percentiles> runPercentiles,
      Map<String, PerformanceBaseline> latest) {
    Instant now = Instant.now();
    List<LatencyEvaluation> evaluations =
        runPercentiles.stream()
            .map(p -> evaluate(runId, p, latest.get(p.endpoint()), now))
            .filter(Objects::nonNull)
            .toList();
    return Multi.createFrom()
        .iterable(evaluations)
        .onItem()
        .transformToUniAndConcatenate(
            e ->
                baselines
                    .insertEvaluation(connection, e)
                    .map(isNew -> new Outcome(e, latest.get(e.endpoint()), isNew)))
        .collect()
        .asList();
  }

  private LatencyEvaluation evaluate(
      UUID runId, Percentiles run, PerformanceBaseline baseline, Instant now) {
    if (baseline == null || baseline.sampleSize() < config.minSamples()) {
      return null;
    }
    Percentile percentile = config.comparedPercentile();
    double runValue = pick(percentile, run.p50(), run.p95(), run.p99());
    double baselineValue = pick(percentile, baseline.p50Ms(), baseline.p95Ms(), baseline.p99Ms());
    boolean regressed = runValue > baselineValue * (1 + config.regressionThreshold());
    return new LatencyEvaluation(
        runId,
        run.endpoint(),
        percentile.name(),
        runValue,
        run.samples(),
        baseline.id(),
        baselineValue,
        config.regressionThreshold(),
        regressed,
        now);
  }

  private static double pick(Percentile percentile, double p50, double p95, double p99) {
    return switch (percentile) {
      case P50 -> p50;
      case P95 -> p95;
      case P99 -> p99;
    };
  }
}
