package io.pokeapi.observability.probe.client;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The endpoints PokéAPI v2 serves, and the bounded label an arbitrary request path is counted under
 * in metrics (an endpoint name, never an id).
 */
public final class Endpoints {

  /**
   * The resource endpoints of PokéAPI v2, as {@code /api/v2/} lists them: 49 besides {@code meta}
   * (the issue speaks of 48; the root index of the data set has these).
   */
  public static final List<String> ALL =
      List.of(
          "ability",
          "berry",
          "berry-firmness",
          "berry-flavor",
          "characteristic",
          "contest-effect",
          "contest-type",
          "currency",
          "egg-group",
          "encounter-condition",
          "encounter-condition-value",
          "encounter-method",
          "evolution-chain",
          "evolution-trigger",
          "gender",
          "generation",
          "growth-rate",
          "item",
          "item-attribute",
          "item-category",
          "item-fling-effect",
          "item-pocket",
          "language",
          "location",
          "location-area",
          "machine",
          "move",
          "move-ailment",
          "move-battle-style",
          "move-category",
          "move-damage-class",
          "move-learn-method",
          "move-target",
          "nature",
          "pal-park-area",
          "pokeathlon-stat",
          "pokedex",
          "pokemon",
          "pokemon-color",
          "pokemon-form",
          "pokemon-habitat",
          "pokemon-shape",
          "pokemon-species",
          "region",
          "stat",
          "super-contest-effect",
          "type",
          "version",
          "version-group");

  /** Label of the root document ({@code /api/v2/}). */
  public static final String ROOT = "root";

  /** Label of {@code /api/v2/meta/}. */
  public static final String META = "meta";

  /** Label of any path outside the known endpoints, so that labels stay bounded. */
  public static final String UNKNOWN = "unknown";

  private static final Set<String> KNOWN = Set.copyOf(ALL);

  private Endpoints() {}

  /** Whether {@code name} is one of the resource endpoints. */
  public static boolean isKnown(String name) {
    return name != null && KNOWN.contains(name);
  }

  /**
   * The metric label of a request path relative to the base URL ({@code pokemon/25/}, {@code
   * type?limit=5}, {@code /api/v2/ability/}): its endpoint, {@code root}, {@code meta} or {@code
   * unknown}.
   */
  public static String labelOf(String path) {
    String p = path == null ? "" : path;
    int query = p.indexOf('?');
    if (query >= 0) {
      p = p.substring(0, query);
    }
    p = p.replaceFirst("^/+", "");
    if (p.startsWith("api/v2/")) {
      p = p.substring("api/v2/".length());
    } else if (p.equals("api/v2")) {
      p = "";
    }
    int slash = p.indexOf('/');
    String first = (slash >= 0 ? p.substring(0, slash) : p).toLowerCase(Locale.ROOT);
    if (first.isEmpty()) {
      return ROOT;
    }
    if (first.equals(META)) {
      return META;
    }
    return isKnown(first) ? first : UNKNOWN;
  }
}
