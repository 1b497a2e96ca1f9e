package io.pokeapi.observability.diff.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Parsing of query parameters that answers bad values with 400 rather than 404. */
final class QueryParams {

  /** PokéAPI endpoint names: lower-case words joined by hyphens. */
  static final String ENDPOINT_PATTERN = "[a-z0-9]+(?:-[a-z0-9]+)*";

  /** Schema scopes: an endpoint, optionally with {@code :list} or a sub-resource. */
  static final String SCOPE_PATTERN = ENDPOINT_PATTERN + "(?::[a-z0-9]+(?:-[a-z0-9]+)*)*";

  private static final Pattern ENDPOINT = Pattern.compile(ENDPOINT_PATTERN);

  private QueryParams() {}

  /** An optional ISO-8601 instant ({@code 2026-08-06T08:15:22Z}). */
  static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(
          name, "must be an ISO-8601 instant such as 2026-08-06T08:15:22Z, not '" + value + "'");
    }
  }

  /** An optional value out of a fixed set, case-insensitive; returned in lower case. */
  static String oneOf(String name, String value, Set<String> allowed) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String lower = value.strip().toLowerCase(Locale.ROOT);
    if (!allowed.contains(lower)) {
      throw new InvalidParameterException(
          name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return lower;
  }

  /** An optional endpoint name. */
  static String endpoint(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String lower = value.strip().toLowerCase(Locale.ROOT);
    if (!ENDPOINT.matcher(lower).matches()) {
      throw new InvalidParameterException(name, "is not an endpoint name: '" + value + "'");
    }
    return lower;
  }

  /** Checks that {@code from} is before {@code to} when both are given. */
  static void ordered(Instant from, Instant to) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidParameterException("to", "must be after from");
    }
  }
}
