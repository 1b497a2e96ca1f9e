package io.pokeapi.observability.reporter.storage;

import java.util.Locale;

/** The events the reporter consumes; the lower-case name is the {@code kind} metric label. */
public enum EventKind {
  RUN_STARTED,
  CHECK_RESULT,
  RUN_FINISHED,
  DRIFT,
  LATENCY_REGRESSION,
  LOAD_SUMMARY;

  /** The label value, e.g. {@code check_result}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
