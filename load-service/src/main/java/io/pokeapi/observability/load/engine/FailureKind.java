package io.pokeapi.observability.load.engine;

/**
 * What became of a request: passed, or failed as one of the FailureType wire classes. Indexed in
 * the per-loop counters by {@link #ordinal()}.
 */
public enum FailureKind {
  OK("ok"),
  HTTP_4XX("http_4xx"),
  HTTP_5XX("http_5xx"),
  RATE_LIMITED("rate_limited"),
  TIMEOUT("timeout"),
  CONNECTION("connection"),
  ASSERTION("assertion");

  /** The kinds, in ordinal order, without allocating a new array each time. */
  public static final FailureKind[] ALL = values();

  private final String wireName;

  FailureKind(String wireName) {
    this.wireName = wireName;
  }

  /** The name in reports and summaries ({@code http_5xx}). */
  public String wireName() {
    return wireName;
  }
}
