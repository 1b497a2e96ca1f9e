package io.pokeapi.observability.probe.client;

import io.pokeapi.observability.common.contract.FailureType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A request and everything the client did for it: its attempts (retries included) and how it ended.
 *
 * @param request what was asked
 * @param url the URL (secrets masked)
 * @param attempts every attempt made, in order; empty when the circuit breaker refused the call
 * @param circuitOpen whether the endpoint's circuit breaker refused (a further) attempt
 * @param duration time from the first attempt to the end, waits for retries included
 */
public record ApiExchange(
    ApiRequest request,
    String url,
    List<ApiAttempt> attempts,
    boolean circuitOpen,
    Duration duration) {

  public ApiExchange {
    attempts = List.copyOf(attempts);
  }

  /** The last attempt, if any was made. */
  public Optional<ApiAttempt> lastAttempt() {
    return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
  }

  /** The final answer, when the last attempt got one and the breaker did not cut the exchange. */
  public Optional<HttpAnswer> answer() {
    return circuitOpen ? Optional.empty() : lastAttempt().flatMap(ApiAttempt::answered);
  }

  /**
   * Why the exchange yielded no usable answer at the transport or protocol level: {@code TIMEOUT},
   * {@code CONNECTION}, {@code HTTP_5XX}, {@code RATE_LIMITED} (429 after the retries), {@code
   * BLOCKED}, the failure the last attempt actually saw, also when the breaker then opened and
   * refused the remaining retries; {@code CIRCUIT_OPEN} when the open breaker refused the call
   * before any attempt was made. Empty when the final answer is something a check must judge (2xx,
   * 3xx, other 4xx).
   */
  public Optional<FailureType> transportFailure() {
    Optional<FailureType> seen = lastAttempt().flatMap(FailureClassifier::requestFailure);
    if (seen.isPresent()) {
      return seen;
    }
    return circuitOpen ? Optional.of(FailureType.CIRCUIT_OPEN) : Optional.empty();
  }

  /** A sentence saying how the exchange ended, for check messages. */
  public String describe() {
    if (circuitOpen && attempts.isEmpty()) {
      return "circuit_open: the circuit breaker of '"
          + request.endpointLabel()
          + "' is open, request not sent";
    }
    String ended =
        lastAttempt()
            .map(
                a ->
                    a.answer() == null
                        ? a.transportFailure().name().toLowerCase(Locale.ROOT) + ": " + a.error()
                        : "HTTP " + a.wireStatus())
            .map(s -> s + " after " + attempts.size() + " attempt(s)")
            .orElse("no attempt made");
    return circuitOpen
        ? ended
            + "; then the circuit breaker of '"
            + request.endpointLabel()
            + "' opened and refused the remaining retries"
        : ended;
  }
}
