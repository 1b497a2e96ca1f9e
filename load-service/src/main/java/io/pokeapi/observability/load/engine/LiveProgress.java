package io.pokeapi.observability.load.engine;

import java.util.Map;

/**
 * Where a share of a run stands now.
 *
 * @param elapsedSeconds of the measured phase (0 during the warm-up)
 * @param users active virtual users
 * @param targetRate the scheduled rate now (open model), else {@code null}
 * @param requests completed measured requests
 * @param requestsPerSecond in the last whole second
 * @param errors failed measured requests
 * @param errorsByKind failed ones by class
 * @param dropped open-model arrivals not sent
 * @param latency percentiles so far, microseconds
 */
public record LiveProgress(
    double elapsedSeconds,
    int users,
    Double targetRate,
    long requests,
    double requestsPerSecond,
    long errors,
    Map<String, Long> errorsByKind,
    long dropped,
    Histograms.Percentiles latency) {

  /** Before anything ran. */
  public static final LiveProgress NONE =
      new LiveProgress(0, 0, null, 0, 0, 0, Map.of(), 0, Histograms.Percentiles.EMPTY);
}
