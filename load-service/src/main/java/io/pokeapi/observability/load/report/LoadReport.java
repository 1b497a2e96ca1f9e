package io.pokeapi.observability.load.report;

import io.pokeapi.observability.load.engine.Histograms;
import io.pokeapi.observability.load.engine.ShareResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The report of a run, as {@code GET /api/load-runs/{id}/report} serves it (JSON, and inside the
 * HTML page).
 */
public record LoadReport(
    Object run,
    Summary summary,
    List<EndpointReport> endpoints,
    List<SecondReport> timeline,
    List<DistributionPoint> distribution,
    ShareResult.Saturation saturation) {

  /** The whole run. */
  public record Summary(
      long requests,
      long errors,
      Map<String, Long> errorsByKind,
      long dropped,
      double durationSeconds,
      double requestsPerSecond,
      LatencyMs latencyMs,
      LatencyMs connectionWaitMs,
      boolean correctedForCoordinatedOmission,
      Boolean valid,
      String invalidReason,
      String histogram) {}

  /** One endpoint. */
  public record EndpointReport(
      String endpoint,
      long requests,
      Map<String, Long> statuses,
      long errors,
      LatencyMs latencyMs) {}

  /** Percentiles of one second, in milliseconds. */
  public record SecondLatency(double p50, double p90, double p95, double p99, double max) {}

  /** One second. */
  public record SecondReport(
      int second,
      int users,
      Double targetRate,
      long requests,
      long errors,
      Map<String, Long> errorsByKind,
      SecondLatency latencyMs,
      double loopDelayMs,
      double cpu,
      boolean saturated) {}

  /** A point of the latency distribution. */
  public record DistributionPoint(double percentile, double latencyMs) {}

  /**
   * Builds the report.
   *
   * @param run the run's view
   * @param result what it measured
   * @param corrected whether latency counts from the intended send time
   * @param finished whether the run has ended (validity is known only then)
   */
  public static LoadReport of(Object run, RunResult result, boolean corrected, boolean finished) {
    Summary summary =
        new Summary(
            result.requests(),
            result.errors(),
            result.errorsByKind(),
            result.dropped(),
            result.measuredSeconds(),
            Math.round(result.requestsPerSecond() * 100) / 100.0,
            LatencyMs.of(Histograms.percentiles(result.latency())),
            LatencyMs.of(Histograms.percentiles(result.connectionWait())),
            corrected,
            finished ? result.invalidReason() == null : null,
            result.invalidReason(),
            Histograms.encode(result.latency()));
    List<EndpointReport> endpoints = new ArrayList<>();
    for (RunResult.Endpoint e : result.endpoints()) {
      endpoints.add(
          new EndpointReport(
              e.endpoint(),
              e.requests(),
              e.statuses(),
              e.errors(),
              LatencyMs.of(Histograms.percentiles(e.latency()))));
    }
    List<SecondReport> timeline = new ArrayList<>();
    for (RunResult.Second s : result.timeline()) {
      Histograms.Percentiles p = Histograms.percentiles(s.latency());
      long errors = s.errorsByKind().values().stream().mapToLong(Long::longValue).sum();
      timeline.add(
          new SecondReport(
              s.second(),
              s.users(),
              s.targetRate(),
              s.requests(),
              errors,
              s.errorsByKind(),
              new SecondLatency(
                  LatencyMs.ms(p.p50()),
                  LatencyMs.ms(p.p90()),
                  LatencyMs.ms(p.p95()),
                  LatencyMs.ms(p.p99()),
                  LatencyMs.ms(p.max())),
              Math.round(s.loopDelayMs() * 1000) / 1000.0,
              Math.round(s.cpu() * 1000) / 1000.0,
              s.saturated()));
    }
    return new LoadReport(
        run, summary, endpoints, timeline, distribution(result.latency()), result.saturation());
  }

  /** The percentile distribution (HdrHistogram's percentile iteration, 5 ticks per half). */
  static List<DistributionPoint> distribution(Histogram h) {
    List<DistributionPoint> points = new ArrayList<>();
    if (h.getTotalCount() == 0) {
      return points;
    }
    for (HistogramIterationValue v : h.percentiles(5)) {
      double percentile = Math.round(v.getPercentileLevelIteratedTo() * 10_000) / 10_000.0;
      double ms = LatencyMs.ms(h.highestEquivalentValue(v.getValueIteratedTo()));
      if (!points.isEmpty() && points.get(points.size() - 1).percentile() == percentile) {
        continue;
      }
      points.add(new DistributionPoint(percentile, ms));
      if (points.size() >= 400) {
        break;
      }
    }
    return points;
  }
}
