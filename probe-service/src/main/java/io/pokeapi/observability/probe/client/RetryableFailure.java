package io.pokeapi.observability.probe.client;

/**
 * An attempt failed in a way worth retrying: no answer (timeout, connection) or a 5xx. Thrown
 * inside the endpoint's guard so that SmallRye Fault Tolerance retries it and counts it against the
 * circuit breaker.
 */
public final class RetryableFailure extends Exception {

  private final transient ApiAttempt attempt;

  public RetryableFailure(ApiAttempt attempt) {
    super(
        attempt.answer() == null
            ? attempt.transportFailure() + ": " + attempt.error()
            : "HTTP " + attempt.wireStatus(),
        null,
        false,
        false);
    this.attempt = attempt;
  }

  public ApiAttempt attempt() {
    return attempt;
  }
}
