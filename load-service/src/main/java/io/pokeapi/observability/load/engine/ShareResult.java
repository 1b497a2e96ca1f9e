package io.pokeapi.observability.load.engine;

import java.util.List;
import java.util.Map;

/**
 * What one replica measured of its share of a run, with its histograms encoded (see {@link
 * Histograms#encode}), so that it can travel over Kafka and be merged exactly with the others.
 *
 * @param replica the replica's id
 * @param shareIndex which share it ran
 * @param measuredSeconds how long its measured phase lasted
 * @param requests completed measured requests
 * @param errorsByKind failed ones by class (wire names), without {@code ok}
 * @param dropped open-model arrivals not sent
 * @param warmupRequests requests of the warm-up (not measured)
 * @param histogram latency from the intended send time, microseconds
 * @param connectionWait time until a connection was had, microseconds
 * @param endpoints per endpoint
 * @param timeline per second of the measured phase
 * @param saturation the generator's self-monitoring
 * @param nativeTransport whether the epoll transport was used
 */
public record ShareResult(
    String replica,
    int shareIndex,
    double measuredSeconds,
    long requests,
    Map<String, Long> errorsByKind,
    long dropped,
    long warmupRequests,
    String histogram,
    String connectionWait,
    List<EndpointResult> endpoints,
    List<SecondResult> timeline,
    Saturation saturation,
    boolean nativeTransport) {

  /**
   * One endpoint's share.
   *
   * @param statuses completed requests by status label ({@code 200}, {@code timeout})
   * @param errors failed requests
   */
  public record EndpointResult(
      String endpoint, long requests, Map<String, Long> statuses, long errors, String histogram) {}

  /**
   * One second of the measured phase (second 1 is the first).
   *
   * @param users active users at its end (closed model, fixed connections)
   * @param targetRate the scheduled rate at its end (open model), else {@code null}
   * @param requests completed in it
   * @param errorsByKind failed in it by class
   * @param histogram latencies of the requests completed in it
   * @param loopDelayMs the worst event-loop delay in it
   * @param cpu the process CPU share of the machine in it
   * @param saturated whether the generator was saturated in it
   */
  public record SecondResult(
      int second,
      int users,
      Double targetRate,
      long requests,
      Map<String, Long> errorsByKind,
      String histogram,
      double loopDelayMs,
      double cpu,
      boolean saturated) {}

  /**
   * The generator's own health over the measured phase.
   *
   * @param invalidReason why the share is not valid, {@code null} when it is
   */
  public record Saturation(
      int saturatedSeconds,
      int measuredSeconds,
      double worstLoopDelayMs,
      double maxCpu,
      double loopDelayThresholdMs,
      double cpuThreshold,
      String invalidReason) {}
}
