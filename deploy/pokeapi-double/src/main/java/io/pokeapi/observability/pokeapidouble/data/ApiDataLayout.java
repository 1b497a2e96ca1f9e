package io.pokeapi.observability.pokeapidouble.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The api-data layout ({@code api/v2/<endpoint>/<id>/index.json[.gz]}) and the fixed facts of the
 * live API that do not come from the data: which endpoints exist (the live function's own list,
 * PokeAPI/deploy {@code functions_v1/src/index.js}) and which have no names.
 */
public final class ApiDataLayout {

  /** Every endpoint the live function accepts; any other answers 400. */
  public static final Set<String> LIVE_ENDPOINTS =
      Set.of(
          "ability",
          "berry",
          "berry-firmness",
          "berry-flavor",
          "characteristic",
          "contest-effect",
          "contest-type",
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
          "meta",
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

  /** The endpoints whose resources have no {@code name}, so only ids resolve. */
  public static final Set<String> NAMELESS_ENDPOINTS =
      Set.of(
          "characteristic", "contest-effect", "evolution-chain", "machine", "super-contest-effect");

  /** The endpoint that has the only sub-resource, {@code <id>/encounters}. */
  public static final String ENCOUNTERS_ENDPOINT = "pokemon";

  /** The only sub-resource name. */
  public static final String ENCOUNTERS = "encounters";

  /** The folder under the data directory that holds everything. */
  public static final String API_ROOT = "api/v2";

  private ApiDataLayout() {}

  /** The {@code index.json.gz} (preferred) or {@code index.json} file of a folder, if any. */
  public static Optional<Path> indexFile(Path folder) {
    Path gz = folder.resolve("index.json.gz");
    if (Files.isRegularFile(gz)) {
      return Optional.of(gz);
    }
    Path plain = folder.resolve("index.json");
    return Files.isRegularFile(plain) ? Optional.of(plain) : Optional.empty();
  }

  /** Reads an index file into memory as stored. */
  public static SourceFile read(Path file) throws IOException {
    return new SourceFile(
        file, Files.readAllBytes(file), file.getFileName().toString().endsWith(".gz"));
  }

  /**
   * The id a folder or path segment stands for when it is a canonical non-negative integer (no
   * sign, no leading zero, at most 9 digits), else -1. {@code 025} is not 25: the live API looks
   * files up by the literal segment.
   */
  public static int canonicalId(CharSequence text) {
    int length = text.length();
    if (length == 0 || length > 9 || (length > 1 && text.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
