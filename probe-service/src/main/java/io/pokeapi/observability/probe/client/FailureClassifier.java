package io.pokeapi.observability.probe.client;

import io.pokeapi.observability.common.contract.FailureType;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/** Classifies what went wrong with a request into the probe's failure types. */
public final class FailureClassifier {

  private FailureClassifier() {}

  /**
   * The failure of an attempt at the transport or protocol level: no answer (timeout, connection),
   * 5xx, 429, or an edge block; empty when the answer is for a check to judge.
   */
  public static Optional<FailureType> requestFailure(ApiAttempt attempt) {
    if (attempt.answer() == null) {
      return Optional.ofNullable(attempt.transportFailure());
    }
    return requestFailure(attempt.answer());
  }

  /** The failure an answer stands for at the protocol level, if any. */
  public static Optional<FailureType> requestFailure(HttpAnswer answer) {
    int status = answer.status();
    if (status == 429) {
      return Optional.of(FailureType.RATE_LIMITED);
    }
    if (answer.blocked()) {
      return Optional.of(FailureType.BLOCKED);
    }
    if (status >= 500) {
      return Optional.of(FailureType.HTTP_5XX);
    }
    return Optional.empty();
  }

  /** The failure type of an unexpected status: {@code http_4xx}, {@code http_5xx}, ... */
  public static FailureType forUnexpectedStatus(HttpAnswer answer) {
    return requestFailure(answer)
        .orElse(answer.status() >= 400 ? FailureType.HTTP_4XX : FailureType.ASSERTION);
  }

  /** {@code TIMEOUT} when the cause chain says the request timed out, else {@code CONNECTION}. */
  public static FailureType forThrowable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException
          || t instanceof java.util.concurrent.TimeoutException
          || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
          || t instanceof InterruptedException
          || t.getClass().getSimpleName().toLowerCase(Locale.ROOT).contains("timeout")
          || String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("timeout period")) {
        return FailureType.TIMEOUT;
      }
      if (t instanceof ConnectException || t instanceof UnknownHostException) {
        return FailureType.CONNECTION;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return FailureType.CONNECTION;
  }

  /** A short description of a transport error: the innermost message worth reading. */
  public static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
