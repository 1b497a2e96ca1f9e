package io.pokeapi.observability.probe.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The suites a run can execute. */
public enum Suite {
  /** Pokemon, type and ability by id and by name. */
  SMOKE,
  /** Pagination, error handling, lookups and cross-references. */
  REGRESSION,
  /** Every resource of the configured endpoints. */
  SWEEP;

  /** The name used in the API, events, metrics and configuration ({@code smoke}). */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The suite called {@code id} (case-insensitive). */
  @JsonCreator
  public static Suite fromId(String id) {
    for (Suite suite : values()) {
      if (suite.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
        return suite;
      }
    }
    throw new IllegalArgumentException("unknown suite '" + id + "'; expected one of " + ids());
  }

  /** The ids of all suites, comma-separated. */
  public static String ids() {
    return Arrays.stream(values()).map(Suite::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id();
  }
}
