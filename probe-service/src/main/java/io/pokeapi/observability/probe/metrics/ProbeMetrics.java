package io.pokeapi.observability.probe.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pokeapi.observability.common.contract.CheckStatus;
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.probe.client.Endpoints;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The probe's Prometheus metrics. Labels stay bounded: {@code endpoint} is an endpoint name from
 * {@link io.pokeapi.observability.probe.client.Endpoints#labelOf(String)} (never an id), {@code
 * suite}, {@code status} and {@code failure_type} come from enums.
 *
 * <ul>
 *   <li>{@code pokeapi_requests_total{endpoint}}: HTTP requests sent, retries included.
 *   <li>{@code pokeapi_request_duration_seconds{endpoint}}: their durations, buckets 0.1, 0.25,
 *       0.5, 1, 2.5, 5, 10 s.
 *   <li>{@code pokeapi_failures_total{endpoint,failure_type}}: each failure observed once: a
 *       request that got no answer, a 5xx, a 429 or a block is counted per attempt when it happens;
 *       an unexpected 4xx, invalid JSON, a schema violation or a failed assertion is counted per
 *       failed check.
 *   <li>{@code pokeapi_circuit_breaker_state{endpoint}}: 0 closed, 1 open, 2 half-open.
 *   <li>{@code pokeapi_rate_limited_total}: 429 answers received.
 *   <li>{@code pokeapi_checks_total{suite,status}}: check results.
 *   <li>{@code pokeapi_test_execution_timestamp{suite}}: Unix time in seconds when a run of the
 *       suite last finished.
 *   <li>{@code pokeapi_runs_skipped_total{suite}}: runs not started because one of the same suite
 *       was still going.
 *   <li>{@code pokeapi_response_bytes_total{endpoint}}: body bytes received (a 304 brings none).
 *   <li>{@code pokeapi_check_reruns_total{endpoint}}: failed checks re-run ({@code
 *       probe.checks.reruns}).
 *   <li>{@code pokeapi_check_flaky_total{endpoint}}: checks that failed, then passed on a rerun in
 *       the same run.
 *   <li>{@code pokeapi_runs_finished_total{suite,status,verdict}}: finished runs by how they ended
 *       ({@code completed}, {@code cancelled}, {@code failed}, {@code aborted}) and what they found
 *       ({@code passed}: no failed check; {@code failed}: at least one; {@code incomplete}: none
 *       failed but the run did not complete).
 *   <li>{@code pokeapi_run_failed_checks{suite}}: failed checks of the suite's last finished run.
 * </ul>
 */
@Startup
@ApplicationScoped
public class ProbeMetrics {

  private static final Duration[] DURATION_BUCKETS = {
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final MeterRegistry registry;
  private final Map<String, AtomicInteger> breakerStates = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> lastExecution = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> lastFailed = new ConcurrentHashMap<>();
  private final Counter rateLimited;

  // the meters of the per-request calls, registered once (a lookup per call costs an id and tags)
  private final Map<String, Counter> requests = new ConcurrentHashMap<>();
  private final Map<String, Timer> requestDurations = new ConcurrentHashMap<>();
  private final Map<String, Counter> responseBytes = new ConcurrentHashMap<>();
  private final Map<String, Counter> checks = new ConcurrentHashMap<>();

  public ProbeMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.rateLimited =
        Counter.builder("pokeapi.rate.limited")
            .description("429 answers received from PokéAPI")
            .register(registry);
    // every endpoint's breaker shows as closed from the start, so dashboards see 0, not nothing
    Endpoints.ALL.forEach(this::breakerState);
  }

  /** One HTTP request went out and ended (answered or not) after {@code duration}. */
  public void request(String endpoint, Duration duration) {
    requests
        .computeIfAbsent(
            endpoint,
            e ->
                Counter.builder("pokeapi.requests")
                    .description("HTTP requests sent to PokéAPI, retries included")
                    .tag("endpoint", e)
                    .register(registry))
        .increment();
    requestDurations
        .computeIfAbsent(
            endpoint,
            e ->
                Timer.builder("pokeapi.request.duration")
                    .description("Duration of HTTP requests to PokéAPI")
                    .tag("endpoint", e)
                    .serviceLevelObjectives(DURATION_BUCKETS)
                    .register(registry))
        .record(duration);
  }

  /** A body of {@code bytes} arrived from {@code endpoint}. */
  public void responseBytes(String endpoint, long bytes) {
    responseBytes
        .computeIfAbsent(
            endpoint,
            e ->
                Counter.builder("pokeapi.response.bytes")
                    .description("Body bytes received from PokéAPI")
                    .tag("endpoint", e)
                    .register(registry))
        .increment(bytes);
  }

  /** A failure of {@code type} was observed on {@code endpoint}. */
  public void failure(String endpoint, FailureType type) {
    Counter.builder("pokeapi.failures")
        .description("Failures observed, by endpoint and failure type")
        .tag("endpoint", endpoint)
        .tag("failure_type", type.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }

  /** A 429 answer arrived. */
  public void rateLimited() {
    rateLimited.increment();
  }

  /** The circuit breaker of {@code endpoint} is now in {@code state}. */
  public void circuitBreakerState(String endpoint, CircuitBreakerState state) {
    breakerState(endpoint).set(gaugeValue(state));
  }

  /** Registers the breaker gauge of {@code endpoint} (closed) if it is not there yet. */
  public void circuitBreakerCreated(String endpoint) {
    breakerState(endpoint);
  }

  /** A check ended with {@code status}. */
  public void check(String suite, CheckStatus status) {
    checks
        .computeIfAbsent(
            suite + "\n" + status,
            k ->
                Counter.builder("pokeapi.checks")
                    .description("Check results, by suite and status")
                    .tag("suite", suite)
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    .register(registry))
        .increment();
  }

  /** A failed check of {@code endpoint} is re-run. */
  public void checkRerun(String endpoint) {
    Counter.builder("pokeapi.check.reruns")
        .description("Failed checks re-run in the same run")
        .tag("endpoint", endpoint == null ? "none" : endpoint)
        .register(registry)
        .increment();
  }

  /** A check of {@code endpoint} failed, then passed on a rerun. */
  public void checkFlaky(String endpoint) {
    Counter.builder("pokeapi.check.flaky")
        .description("Checks that failed, then passed on a rerun in the same run")
        .tag("endpoint", endpoint == null ? "none" : endpoint)
        .register(registry)
        .increment();
  }

  /** A run of {@code suite} ended with {@code status}, its checks giving {@code verdict}. */
  public void runFinished(String suite, String status, String verdict, long failedChecks) {
    Counter.builder("pokeapi.runs.finished")
        .description("Finished runs by status and verdict (passed, failed, incomplete)")
        .tag("suite", suite)
        .tag("status", status)
        .tag("verdict", verdict)
        .register(registry)
        .increment();
    lastFailed
        .computeIfAbsent(
            suite,
            s -> {
              AtomicLong holder = new AtomicLong();
              Gauge.builder("pokeapi.run.failed.checks", holder, AtomicLong::doubleValue)
                  .description("Failed checks of the suite's last finished run")
                  .tag("suite", s)
                  .register(registry);
              return holder;
            })
        .set(failedChecks);
  }

  /** A run of {@code suite} finished at {@code at}. */
  public void suiteExecuted(String suite, Instant at) {
    lastExecution
        .computeIfAbsent(
            suite,
            s -> {
              AtomicLong holder = new AtomicLong();
              Gauge.builder("pokeapi.test.execution.timestamp", holder, AtomicLong::doubleValue)
                  .description("Unix time (seconds) when a run of the suite last finished")
                  .tag("suite", s)
                  .register(registry);
              return holder;
            })
        .set(at.getEpochSecond());
  }

  /** A run of {@code suite} was not started because another one was still going. */
  public void runSkipped(String suite) {
    Counter.builder("pokeapi.runs.skipped")
        .description("Runs not started because a run of the same suite was still going")
        .tag("suite", suite)
        .register(registry)
        .increment();
  }

  static int gaugeValue(CircuitBreakerState state) {
    return switch (state) {
      case CLOSED -> 0;
      case OPEN -> 1;
      case HALF_OPEN -> 2;
    };
  }

  private AtomicInteger breakerState(String endpoint) {
    return breakerStates.computeIfAbsent(
        endpoint,
        e -> {
          AtomicInteger holder = new AtomicInteger();
          Gauge.builder("pokeapi.circuit.breaker.state", holder, AtomicInteger::doubleValue)
              .description("Circuit breaker per endpoint: 0 closed, 1 open, 2 half-open")
              .tag("endpoint", e)
              .register(registry);
          return holder;
        });
  }
}
