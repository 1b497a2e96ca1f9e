package io.pokeapi.observability.probe.client;

import java.time.Duration;
import java.util.Optional;

/**
 * An attempt was answered with 429. Thrown inside the rate-limit guard so that SmallRye Fault
 * Tolerance retries it after the delay that {@link RetryAfterBackoff} computes.
 */
public final class RateLimitedFailure extends Exception {

  private final transient ApiAttempt attempt;
  private final transient Duration retryAfter;

  public RateLimitedFailure(ApiAttempt attempt, Duration retryAfter) {
    super(
        "HTTP 429, Retry-After " + (retryAfter == null ? "absent" : retryAfter),
        null,
        false,
        false);
    this.attempt = attempt;
    this.retryAfter = retryAfter;
  }

  public ApiAttempt attempt() {
    return attempt;
  }

  /** The delay the API asked for, when its Retry-After was usable. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
