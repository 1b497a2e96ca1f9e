package io.pokeapi.observability.probe.client;

import io.pokeapi.observability.probe.config.ProbeConfig;
import io.pokeapi.observability.probe.metrics.ProbeMetrics;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The SmallRye Fault Tolerance guards around PokéAPI requests.
 *
 * <p>Each endpoint gets its own guard, created on first use, that stacks (outermost first): a retry
 * of network errors, timeouts and 5xx answers ({@code probe.retry.*}, exponential backoff with
 * jitter); the endpoint's circuit breaker ({@code probe.circuit-breaker.*}: it opens when at least
 * half of the last 10 attempts failed, half-opens after 30 s and closes after 3 successes in a
 * row); and the per-attempt timeout ({@code probe.pokeapi.timeout}). Only retryable failures count
 * against the breaker: a 404 is an answer, not an outage.
 *
 * <p>Around that sits one guard for 429 answers ({@code probe.rate-limit-retry.*}) with its own
 * budget, whose delays honour {@code Retry-After} ({@link RetryAfterBackoff}).
 */
@ApplicationScoped
public class EndpointGuards {

  private final ProbeConfig config;
  private final ProbeMetrics metrics;
  private final Map<String, Guard> guards = new ConcurrentHashMap<>();
  private final Guard rateLimitGuard;

  public EndpointGuards(ProbeConfig config, ProbeMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
    this.rateLimitGuard = buildRateLimitGuard(config);
  }

  /** The guard of {@code endpoint} (a bounded label), created on first use. */
  public Guard forEndpoint(String endpoint) {
    return guards.computeIfAbsent(endpoint, this::buildEndpointGuard);
  }

  /** The guard that retries 429 answers. */
  public Guard rateLimitGuard() {
    return rateLimitGuard;
  }

  /** The state of the circuit breaker of {@code endpoint}; closed if it has none yet. */
  public CircuitBreakerState state(String endpoint) {
    if (!guards.containsKey(endpoint)) {
      return CircuitBreakerState.CLOSED;
    }
    return CircuitBreakerMaintenance.get().currentState(breakerName(endpoint));
  }

  /** Closes the breaker of {@code endpoint} and forgets its history (operations and tests). */
  public void reset(String endpoint) {
    if (guards.containsKey(endpoint)) {
      CircuitBreakerMaintenance.get().reset(breakerName(endpoint));
      metrics.circuitBreakerState(endpoint, CircuitBreakerState.CLOSED);
    }
  }

  /** The name the breaker of {@code endpoint} is registered under. */
  public static String breakerName(String endpoint) {
    return "pokeapi-" + endpoint;
  }

  private Guard buildEndpointGuard(String endpoint) {
    ProbeConfig.Retry retry = config.retry();
    ProbeConfig.CircuitBreaker breaker = config.circuitBreaker();
    Duration timeout = config.pokeapi().timeout();
    metrics.circuitBreakerCreated(endpoint);
    return Guard.create()
        .withDescription("PokéAPI endpoint " + endpoint)
        .withRetry()
        .maxRetries(retry.maxRetries())
        .delay(retry.initialDelay().toMillis(), ChronoUnit.MILLIS)
        .jitter(retry.jitter().toMillis(), ChronoUnit.MILLIS)
        .maxDuration(retryBudget(retry.maxRetries(), timeout, retry.maxDelay()), ChronoUnit.MILLIS)
        .retryOn(List.of(RetryableFailure.class, TimeoutException.class))
        .withExponentialBackoff()
        .factor(2)
        // SmallRye wants the cap above the first delay
        .maxDelay(
            Math.max(retry.maxDelay().toMillis(), retry.initialDelay().toMillis() + 1),
            ChronoUnit.MILLIS)
        .done()
        .done()
        .withCircuitBreaker()
        .name(breakerName(endpoint))
        .requestVolumeThreshold(breaker.requestVolumeThreshold())
        .failureRatio(breaker.failureRatio())
        .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
        .successThreshold(breaker.successThreshold())
        .failOn(List.of(RetryableFailure.class, TimeoutException.class))
        .onStateChange(state -> metrics.circuitBreakerState(endpoint, state))
        .done()
        .withTimeout()
        .duration(timeout.toMillis(), ChronoUnit.MILLIS)
        .done()
        .build();
  }

  private static Guard buildRateLimitGuard(ProbeConfig config) {
    ProbeConfig.RateLimitRetry retry = config.rateLimitRetry();
    long longestWait = Math.max(retry.maxRetryAfter().toMillis(), retry.maxDelay().toMillis());
    long perAttempt =
        retryBudget(
            config.retry().maxRetries(), config.pokeapi().timeout(), config.retry().maxDelay());
    return Guard.create()
        .withDescription("PokéAPI 429 retries")
        .withRetry()
        .maxRetries(retry.maxRetries())
        .delay(retry.initialDelay().toMillis(), ChronoUnit.MILLIS)
        .jitter(0, ChronoUnit.MILLIS)
        .maxDuration(
            (retry.maxRetries() + 1L) * (perAttempt + longestWait + retry.maxJitter().toMillis()),
            ChronoUnit.MILLIS)
        .retryOn(RateLimitedFailure.class)
        .withCustomBackoff()
        .strategy(() -> new RetryAfterBackoff(retry))
        .done()
        .done()
        .build();
  }

  /** An upper bound on the time all attempts of one guarded call can take, with margin. */
  private static long retryBudget(int maxRetries, Duration timeout, Duration maxDelay) {
    return (maxRetries + 1L) * (timeout.toMillis() + maxDelay.toMillis() + 1_000L) + 1_000L;
  }
}
