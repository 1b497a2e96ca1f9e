package io.pokeapi.observability.common.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The result of one load run, published on {@link Topics#LOAD_SUMMARIES} under the run id.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION} for this layout
 * @param runId the load run
 * @param target the base URL under load (a local double or mirror, never pokeapi.co)
 * @param scenario the scenario name, for example {@code pokemon-by-id-constant-rate}
 * @param startedAt when the measured phase started
 * @param duration how long the measured phase lasted
 * @param requests requests completed in the measured phase
 * @param errorsByClass failed requests by class (for example {@code timeout}, {@code http_5xx}, the
 *     {@link FailureType} wire names), never {@code null}, sorted by class
 * @param throughputPerSecond completed requests per second
 * @param latency latency percentiles in microseconds
 * @param correctedForCoordinatedOmission whether latencies count from each request's intended send
 *     time (constant-rate load) rather than from when it was actually sent
 */
public record LoadRunSummary(
    int schemaVersion,
    UUID runId,
    String target,
    String scenario,
    Instant startedAt,
    Duration duration,
    long requests,
    Map<String, Long> errorsByClass,
    double throughputPerSecond,
    LatencyPercentiles latency,
    boolean correctedForCoordinatedOmission) {

  /** The layout version this class writes. */
  public static final int SCHEMA_VERSION = 1;

  public LoadRunSummary {
    Objects.requireNonNull(runId, "runId");
    errorsByClass =
        errorsByClass == null
            ? Map.of()
            : Collections.unmodifiableMap(new TreeMap<>(errorsByClass));
  }

  /** Failed requests of every class. */
  public long errors() {
    return errorsByClass.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The Kafka key: the run id. */
  public String messageKey() {
    return runId.toString();
  }
}
