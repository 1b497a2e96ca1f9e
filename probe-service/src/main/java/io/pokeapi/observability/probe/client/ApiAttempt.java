package io.pokeapi.observability.probe.client;

import io.pokeapi.observability.common.contract.FailureType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One HTTP attempt of an {@link ApiExchange}: either an answer, or a transport failure (timeout,
 * connection) with no answer.
 *
 * @param number 1 for the first attempt, 2 for the first retry...
 * @param url the URL requested (secrets masked)
 * @param startedAt when the attempt was sent
 * @param latency time to the last byte of the body, or to the failure
 * @param answer the answer, or {@code null} on a transport failure
 * @param transportFailure {@code TIMEOUT} or {@code CONNECTION} when there was no answer
 * @param error what went wrong, for humans, when there was no answer
 */
public record ApiAttempt(
    int number,
    String url,
    Instant startedAt,
    Duration latency,
    HttpAnswer answer,
    FailureType transportFailure,
    String error) {

  /** The answer, if the attempt got one. */
  public Optional<HttpAnswer> answered() {
    return Optional.ofNullable(answer);
  }

  /** The HTTP status on the wire, or 0 when no answer arrived. */
  public int wireStatus() {
    return answer == null ? 0 : answer.wireStatus();
  }
}
