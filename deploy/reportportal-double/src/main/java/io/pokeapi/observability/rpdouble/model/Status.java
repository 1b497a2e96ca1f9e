package io.pokeapi.observability.rpdouble.model;

import java.util.Locale;

/** Item and launch statuses (service-api {@code StatusEnum}). */
public enum Status {
  IN_PROGRESS,
  PASSED,
  FAILED,
  STOPPED,
  SKIPPED,
  INTERRUPTED,
  CANCELLED,
  INFO,
  WARN,
  TO_RUN;

  /** The status named {@code value} in any case, or {@code null}. */
  public static Status parse(String value) {
    if (value == null) {
      return null;
    }
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
