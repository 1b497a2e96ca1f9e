package io.pokeapi.observability.diff.storage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions between {@link Instant} and the pg client's {@code timestamptz} type. */
public final class Timestamps {

  private Timestamps() {}

  /** {@code instant} in UTC, or {@code null}. */
  public static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  /** The instant of {@code timestamp}, or {@code null}. */
  public static Instant instant(OffsetDateTime timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
