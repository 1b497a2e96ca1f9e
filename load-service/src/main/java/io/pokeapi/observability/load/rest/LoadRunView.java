package io.pokeapi.observability.load.rest;

import io.pokeapi.observability.load.engine.Histograms;
import io.pokeapi.observability.load.engine.LiveProgress;
import io.pokeapi.observability.load.report.LatencyMs;
import io.pokeapi.observability.load.report.RunResult;
import io.pokeapi.observability.load.run.LoadRun;
import io.pokeapi.observability.load.run.LoadRunStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A load run as the API shows it (see the README). */
public record LoadRunView(
    UUID id,
    String location,
    String name,
    String model,
    String baseUrl,
    LoadRunStatus status,
    int replicas,
    int replicasJoined,
    boolean coordinator,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    double plannedSeconds,
    Progress progress,
    Boolean valid,
    String invalidReason,
    String failure) {

  /** Live progress. */
  public record Progress(
      double elapsedSeconds,
      int users,
      Double targetRate,
      long requests,
      double requestsPerSecond,
      double averageRequestsPerSecond,
      long errors,
      Map<String, Long> errorsByKind,
      long dropped,
      LatencyNow latencyMs) {}

  /** Percentiles so far, milliseconds. */
  public record LatencyNow(double p50, double p95, double p99) {}

  /** The view of a run, with its progress when {@code withProgress}. */
  public static LoadRunView of(LoadRun run, boolean withProgress) {
    RunResult result = run.result();
    Progress progress = null;
    if (withProgress) {
      if (result != null) {
        Histograms.Percentiles p = Histograms.percentiles(result.latency());
        int lastSecond =
            result.timeline().isEmpty()
                ? 0
                : (int) result.timeline().get(result.timeline().size() - 1).requests();
        progress =
            new Progress(
                round(result.measuredSeconds()),
                0,
                null,
                result.requests(),
                lastSecond,
                round(result.requestsPerSecond()),
                result.errors(),
                result.errorsByKind(),
                result.dropped(),
                new LatencyNow(
                    LatencyMs.ms(p.p50()), LatencyMs.ms(p.p95()), LatencyMs.ms(p.p99())));
      } else {
        LiveProgress live =
            run.engineRun() == null ? LiveProgress.NONE : run.engineRun().progress();
        Histograms.Percentiles p = live.latency();
        progress =
            new Progress(
                round(live.elapsedSeconds()),
                live.users(),
                live.targetRate() == null ? null : round(live.targetRate()),
                live.requests(),
                live.requestsPerSecond(),
                live.elapsedSeconds() > 0 ? round(live.requests() / live.elapsedSeconds()) : 0,
                live.errors(),
                live.errorsByKind(),
                live.dropped(),
                new LatencyNow(
                    LatencyMs.ms(p.p50()), LatencyMs.ms(p.p95()), LatencyMs.ms(p.p99())));
      }
    }
    boolean ended =
        run.status() == LoadRunStatus.COMPLETED || run.status() == LoadRunStatus.STOPPED;
    return new LoadRunView(
        run.id(),
        "/api/load-runs/" + run.id(),
        run.plan().name(),
        run.plan().model().wireName(),
        run.plan().baseUrl(),
        run.status(),
        run.replicasWanted(),
        Math.max(1, run.participants().size()),
        run.coordinator(),
        run.createdAt(),
        run.startedAt(),
        run.finishedAt(),
        round(run.plan().schedule().endNanos() / 1e9),
        progress,
        ended && result != null ? result.invalidReason() == null : null,
        result == null ? null : result.invalidReason(),
        run.failure());
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
