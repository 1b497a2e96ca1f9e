package io.pokeapi.observability.probe.config;

import io.pokeapi.observability.probe.client.Endpoints;
import java.util.Locale;
import java.util.Objects;

/**
 * A resource looked up both by id and by name, written {@code endpoint:id:name} in configuration
 * (for example {@code pokemon:25:pikachu}).
 */
public record LookupTarget(String endpoint, long id, String name) {

  public LookupTarget {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(name, "name");
    if (!Endpoints.isKnown(endpoint)) {
      throw new IllegalArgumentException("unknown PokéAPI endpoint '" + endpoint + "'");
    }
    if (id < 1) {
      throw new IllegalArgumentException("id must be positive, was " + id);
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
  }

  /** Parses {@code endpoint:id:name}; SmallRye Config uses it as the implicit converter. */
  public static LookupTarget parse(CharSequence text) {
    String[] parts = text.toString().trim().split(":");
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "expected endpoint:id:name (e.g. pokemon:25:pikachu), got '" + text + "'");
    }
    try {
      return new LookupTarget(
          parts[0].trim().toLowerCase(Locale.ROOT),
          Long.parseLong(parts[1].trim()),
          parts[2].trim().toLowerCase(Locale.ROOT));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("id of '" + text + "' is not a number", e);
    }
  }

  /** Path of the lookup by id, with the trailing slash the API's own urls have. */
  public String idPath() {
    return endpoint + "/" + id + "/";
  }

  /** Path of the lookup by name, with the trailing slash. */
  public String namePath() {
    return endpoint + "/" + name + "/";
  }

  @Override
  public String toString() {
    return endpoint + ":" + id + ":" + name;
  }
}
