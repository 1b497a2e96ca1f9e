package io.pokeapi.observability.probe.suite;

import io.pokeapi.observability.probe.client.Endpoints;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A resource named in a run request or configuration: {@code endpoint/id} or {@code endpoint/name},
 * for example {@code pokemon/25} or {@code type/fire}.
 */
public record ResourceRef(String endpoint, String key) {

  /** What a resource reference looks like. */
  public static final String PATTERN = "^[a-z0-9-]+/[A-Za-z0-9_.~-]+/?$";

  private static final Pattern NUMBER = Pattern.compile("\\d+");

  /** Parses {@code endpoint/key}; the endpoint must be a known one. */
  public static ResourceRef parse(String text) {
    String trimmed = text.trim().replaceAll("^/+|/+$", "");
    int slash = trimmed.indexOf('/');
    if (slash <= 0 || slash == trimmed.length() - 1 || trimmed.indexOf('/', slash + 1) >= 0) {
      throw new IllegalArgumentException("expected endpoint/id-or-name, got '" + text + "'");
    }
    String endpoint = trimmed.substring(0, slash).toLowerCase(Locale.ROOT);
    if (!Endpoints.isKnown(endpoint)) {
      throw new IllegalArgumentException("unknown endpoint '" + endpoint + "' in '" + text + "'");
    }
    return new ResourceRef(endpoint, trimmed.substring(slash + 1));
  }

  /** Whether the key is an id rather than a name. */
  public boolean byId() {
    return NUMBER.matcher(key).matches();
  }

  /** The path of the resource, with the trailing slash. */
  public String path() {
    return endpoint + "/" + key + "/";
  }

  @Override
  public String toString() {
    return endpoint + "/" + key;
  }
}
