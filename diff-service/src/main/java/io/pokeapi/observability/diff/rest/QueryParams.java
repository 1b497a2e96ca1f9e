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

  /** The longest resource name or id accepted. */
  static final int MAX_RESOURCE_CHARS = 200;

  /**
   * An optional integer query parameter within bounds.
   *
   * @param fallback the value when the parameter is absent
   */
  static int integer(String name, String value, int fallback, int min, int max) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    return (int) bounded(name, value, min, max);
  }

  /** A required integer path parameter within bounds. */
  static long bounded(String name, String value, long min, long max) {
    String stripped = value == null ? "" : value.strip();
    long parsed;
    try {
      if (stripped.isEmpty() || stripped.length() > 19) {
        throw new NumberFormatException();
      }
      parsed = Long.parseLong(stripped);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(
          name, "must be an integer from " + min + " to " + max + ", not '" + shown(value) + "'");
    }
    if (parsed < min || parsed > max) {
      throw new InvalidParameterException(
          name, "must be an integer from " + min + " to " + max + ", not " + parsed);
    }
    return parsed;
  }

  /** An optional boolean: {@code true} or {@code false}, case-insensitive. */
  static boolean bool(String name, String value, boolean fallback) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new InvalidParameterException(
              name, "must be true or false, not '" + shown(value) + "'");
    };
  }

  /**
   * A resource id or name: printable text of at most {@value #MAX_RESOURCE_CHARS} characters (the
   * database refuses NUL, and no PokéAPI name holds a control character).
   */
  static String resource(String name, String value) {
    String stripped = value == null ? "" : value.strip();
    if (stripped.isEmpty()) {
      throw new InvalidParameterException(name, "must not be blank");
    }
    if (stripped.length() > MAX_RESOURCE_CHARS) {
      throw new InvalidParameterException(
          name, "must be at most " + MAX_RESOURCE_CHARS + " characters long");
    }
    for (int i = 0; i < stripped.length(); i++) {
      if (Character.isISOControl(stripped.charAt(i))) {
        throw new InvalidParameterException(name, "must not contain control characters");
      }
    }
    return stripped;
  }

  /** A value as shown in a problem's detail: printable, at most 100 characters. */
  static String shown(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < value.length() && shown.length() < 100; i++) {
      char c = value.charAt(i);
      shown.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : c);
    }
    return value.length() > 100 ? shown + "..." : shown.toString();
  }

  /** An optional ISO-8601 instant ({@code 2026-08-06T08:15:22Z}). */
  static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(
          name,
          "must be an ISO-8601 instant such as 2026-08-06T08:15:22Z, not '" + shown(value) + "'");
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
      throw new InvalidParameterException(name, "is not an endpoint name: '" + shown(value) + "'");
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
