package io.pokeapi.observability.load.report;

import io.pokeapi.observability.load.engine.Histograms;
import io.pokeapi.observability.load.engine.ShareResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * A run's result: the exact merge of its shares (one per replica). Histograms are added, never
 * percentiles averaged; counts are summed; each second of the timeline is the sum of the replicas'
 * same second.
 *
 * @param shares how many shares were merged
 * @param measuredSeconds the longest measured phase of the shares
 * @param requests completed measured requests
 * @param errorsByKind failed ones by class
 * @param dropped open-model arrivals not sent
 * @param latency latency from the intended send time, microseconds
 * @param connectionWait time until a connection was had, microseconds
 * @param endpoints per endpoint, in the profile's order
 * @param timeline per second
 * @param saturation the generators' health
 * @param invalidReason why the run is not valid, {@code null} when it is
 */
public record RunResult(
    int shares,
    double measuredSeconds,
    long requests,
    Map<String, Long> errorsByKind,
    long dropped,
    Histogram latency,
    Histogram connectionWait,
    List<Endpoint> endpoints,
    List<Second> timeline,
    ShareResult.Saturation saturation,
    String invalidReason) {

  /** One endpoint, merged. */
  public record Endpoint(
      String endpoint, long requests, Map<String, Long> statuses, long errors, Histogram latency) {}

  /** One second, merged. */
  public record Second(
      int second,
      int users,
      Double targetRate,
      long requests,
      Map<String, Long> errorsByKind,
      Histogram latency,
      double loopDelayMs,
      double cpu,
      boolean saturated) {}

  /** Failed requests of every class. */
  public long errors() {
    return errorsByKind.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Completed requests per second of the measured phase. */
  public double requestsPerSecond() {
    return measuredSeconds > 0 ? requests / measuredSeconds : 0;
  }

  /**
   * Merges the shares.
   *
   * @param missing the replicas that never reported (they make the run invalid)
   */
  public static RunResult merge(List<ShareResult> parts, List<String> missing) {
    Histogram latency = Histograms.create();
    Histogram wait = Histograms.create();
    Map<String, Long> errors = new TreeMap<>();
    Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    TreeMap<Integer, Second> seconds = new TreeMap<>();
    long requests = 0;
    long dropped = 0;
    double measured = 0;
    double worstDelay = 0;
    double maxCpu = 0;
    double delayThreshold = 0;
    double cpuThreshold = 0;
    List<String> reasons = new ArrayList<>();
    for (ShareResult part : parts) {
      latency.add(Histograms.decode(part.histogram()));
      wait.add(Histograms.decode(part.connectionWait()));
      part.errorsByKind().forEach((k, v) -> errors.merge(k, v, Long::sum));
      requests += part.requests();
      dropped += part.dropped();
      measured = Math.max(measured, part.measuredSeconds());
      for (ShareResult.EndpointResult e : part.endpoints()) {
        Endpoint merged = endpoints.get(e.endpoint());
        Histogram h = Histograms.decode(e.histogram());
        if (merged == null) {
          endpoints.put(
              e.endpoint(),
              new Endpoint(e.endpoint(), e.requests(), new TreeMap<>(e.statuses()), e.errors(), h));
        } else {
          merged.latency().add(h);
          e.statuses().forEach((k, v) -> merged.statuses().merge(k, v, Long::sum));
          endpoints.put(
              e.endpoint(),
              new Endpoint(
                  e.endpoint(),
                  merged.requests() + e.requests(),
                  merged.statuses(),
                  merged.errors() + e.errors(),
                  merged.latency()));
        }
      }
      for (ShareResult.SecondResult s : part.timeline()) {
        Histogram h = Histograms.decode(s.histogram());
        Second merged = seconds.get(s.second());
        if (merged == null) {
          seconds.put(
              s.second(),
              new Second(
                  s.second(),
                  s.users(),
                  s.targetRate(),
                  s.requests(),
                  new TreeMap<>(s.errorsByKind()),
                  h,
                  s.loopDelayMs(),
                  s.cpu(),
                  s.saturated()));
        } else {
          merged.latency().add(h);
          s.errorsByKind().forEach((k, v) -> merged.errorsByKind().merge(k, v, Long::sum));
          seconds.put(
              s.second(),
              new Second(
                  s.second(),
                  merged.users() + s.users(),
                  merged.targetRate() == null && s.targetRate() == null
                      ? null
                      : (merged.targetRate() == null ? 0 : merged.targetRate())
                          + (s.targetRate() == null ? 0 : s.targetRate()),
                  merged.requests() + s.requests(),
                  merged.errorsByKind(),
                  merged.latency(),
                  Math.max(merged.loopDelayMs(), s.loopDelayMs()),
                  Math.max(merged.cpu(), s.cpu()),
                  merged.saturated() || s.saturated()));
        }
      }
      ShareResult.Saturation sat = part.saturation();
      if (sat != null) {
        worstDelay = Math.max(worstDelay, sat.worstLoopDelayMs());
        maxCpu = Math.max(maxCpu, sat.maxCpu());
        delayThreshold = sat.loopDelayThresholdMs();
        cpuThreshold = sat.cpuThreshold();
        if (sat.invalidReason() != null) {
          reasons.add(
              parts.size() > 1
                  ? "replica " + part.replica() + ": " + sat.invalidReason()
                  : sat.invalidReason());
        }
      }
    }
    if (!missing.isEmpty()) {
      reasons.add(
          "replica(s) "
              + String.join(", ", missing)
              + " sent no result, so their share of the load is missing");
    }
    List<Second> timeline = new ArrayList<>(seconds.values());
    int saturated = (int) timeline.stream().filter(Second::saturated).count();
    String invalid = reasons.isEmpty() ? null : String.join("; ", reasons);
    return new RunResult(
        parts.size(),
        measured,
        requests,
        errors,
        dropped,
        latency,
        wait,
        List.copyOf(endpoints.values()),
        List.copyOf(timeline),
        new ShareResult.Saturation(
            saturated, timeline.size(), worstDelay, maxCpu, delayThreshold, cpuThreshold, invalid),
        invalid);
  }
}
