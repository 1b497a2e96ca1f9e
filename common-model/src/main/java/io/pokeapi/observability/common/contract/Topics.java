package io.pokeapi.observability.common.contract;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Kafka topics of pokeapi-observability and how their messages are keyed. Keys decide the
 * partition, so everything that must stay in order shares a key.
 */
public final class Topics {

  /**
   * Every answer the probe captured ({@link ApiResponseCaptured}), keyed by {@link
   * #resourceKey(String, String) endpoint/resource}, so all captures of one resource land on one
   * partition in order and the diff service can compare each with the one before.
   */
  public static final String API_RESPONSES = "pokeapi.api-responses";

  /** One {@link CheckResult} per check, keyed by run id so a run's results stay in order. */
  public static final String CHECK_RESULTS = "pokeapi.check-results";

  /**
   * The start and end of each probe run ({@link RunStarted}, {@link RunFinished}; read them as
   * {@link RunEvent}), keyed by run id so the end never overtakes the start.
   */
  public static final String RUN_EVENTS = "pokeapi.run-events";

  /**
   * {@link DriftDetected}, keyed like {@link #API_RESPONSES} for data drift and by endpoint for
   * schema drift.
   */
  public static final String DRIFT_EVENTS = "pokeapi.drift-events";

  /** One {@link LoadRunSummary} per load run, keyed by run id. */
  public static final String LOAD_SUMMARIES = "pokeapi.load-summaries";

  /**
   * {@link LatencyRegressionDetected}, keyed by {@link #endpointKey(String) endpoint}, so the
   * regressions of one endpoint stay in order.
   */
  public static final String LATENCY_REGRESSIONS = "pokeapi.latency-regressions";

  /** Every topic, for tools that create or check them all. */
  public static final List<String> ALL =
      List.of(
          API_RESPONSES,
          CHECK_RESULTS,
          RUN_EVENTS,
          DRIFT_EVENTS,
          LOAD_SUMMARIES,
          LATENCY_REGRESSIONS);

  private Topics() {}

  /**
   * The key of a message about one resource: {@code <endpoint>/<resource key>}, for example {@code
   * pokemon/25} or {@code pokemon/pikachu}. Both parts are trimmed of slashes and spaces and
   * lower-cased (PokéAPI names are case-insensitive), so {@code "Pikachu"} and {@code "pikachu/"}
   * share a partition. An id and a name of the same resource are different keys: the API caches
   * them separately, so they are tracked separately.
   *
   * @throws IllegalArgumentException when either part is blank
   */
  public static String resourceKey(String endpoint, String resourceKey) {
    return normalise(endpoint, "endpoint") + "/" + normalise(resourceKey, "resource key");
  }

  /**
   * The key of a message about a whole endpoint, for example schema drift: the endpoint, trimmed of
   * slashes and spaces and lower-cased like in {@link #resourceKey(String, String)}.
   *
   * @throws IllegalArgumentException when the endpoint is blank
   */
  public static String endpointKey(String endpoint) {
    return normalise(endpoint, "endpoint");
  }

  private static String normalise(String part, String what) {
    Objects.requireNonNull(part, what);
    String trimmed = part.strip();
    int start = 0;
    int end = trimmed.length();
    while (start < end && trimmed.charAt(start) == '/') {
      start++;
    }
    while (end > start && trimmed.charAt(end - 1) == '/') {
      end--;
    }
    String result = trimmed.substring(start, end).toLowerCase(Locale.ROOT);
    if (result.isEmpty()) {
      throw new IllegalArgumentException("blank " + what + ": '" + part + "'");
    }
    return result;
  }
}
