package io.pokeapi.observability.reporter.portal;

/**
 * ReportPortal did not accept a call. {@link #retryable()}: it was down, slow, overloaded or
 * refused the key, so the same call is tried again later; otherwise it refused the request itself
 * and will refuse it again.
 */
public final class ReportingException extends Exception {

  private final boolean retryable;
  private final String reason;

  public ReportingException(boolean retryable, String reason, String message, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.reason = reason;
  }

  public boolean retryable() {
    return retryable;
  }

  /** A short label for {@code reporter_errors_total{kind}}: unavailable, http_5xx, rejected... */
  public String reason() {
    return reason;
  }
}
