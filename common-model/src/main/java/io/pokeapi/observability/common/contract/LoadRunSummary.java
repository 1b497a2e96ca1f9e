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
 * @param valid whether the measurement can be trusted: {@code false} when the load generator itself
 *     was saturated (then {@code invalidReason} says why); {@code null} from older producers
 * @param invalidReason why the run is not valid, {@code null} when it is
 * @param histogram the whole run's latency histogram in microseconds, HdrHistogram's compressed
 *     encoding (V2) in base64, so that consumers can merge runs exactly; {@code null} from older
 *     producers
 * @param model the load model ({@code closed}, {@code open}, {@code fixed-connections}); {@code
 *     null} from older producers
 * @param replicas how many load generators shared the run; {@code null} from older producers
 * @param dropped requests the open model did not send because too many were in flight; {@code null}
 *     from older producers
 * @param connectionWait the time from the intended send until the request had a connection, in
 *     microseconds (reported apart from the latency); {@code null} from older producers
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
    boolean correctedForCoordinatedOmission,
    Boolean valid,
    String invalidReason,
    String histogram,
    String model,
    Integer replicas,
    Long dropped,
    LatencyPercentiles connectionWait) {

  /** The layout version this class writes. */
  public static final int SCHEMA_VERSION = 1;

  public LoadRunSummary {
    Objects.requireNonNull(runId, "runId");
    errorsByClass =
        errorsByClass == null
            ? Map.of()
            : Collections.unmodifiableMap(new TreeMap<>(errorsByClass));
  }

  /** A summary in the layout of the first version (without validity, histogram and the rest). */
  public LoadRunSummary(
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
    this(
        schemaVersion,
        runId,
        target,
        scenario,
        startedAt,
        duration,
        requests,
        errorsByClass,
        throughputPerSecond,
        latency,
        correctedForCoordinatedOmission,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
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
