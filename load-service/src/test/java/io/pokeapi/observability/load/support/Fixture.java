package io.pokeapi.observability.load.support;

import io.pokeapi.observability.load.profile.RequestSpec;
import io.pokeapi.observability.pokeapidouble.DoubleConfig;
import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/**
 * The small hand-made PokéAPI fixture of the tests (src/test/resources/pokeapi-fixture, a subset of
 * probe-service's) and the double serving it.
 */
public final class Fixture {

  private Fixture() {}

  /** The data directory (holding {@code api/v2}). */
  public static Path dataDir() {
    URL url = Fixture.class.getResource("/pokeapi-fixture/api/v2/index.json");
    if (url == null) {
      throw new IllegalStateException("pokeapi-fixture is not on the test class path");
    }
    try {
      return Path.of(url.toURI()).getParent().getParent().getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts the double on a free loopback port. */
  public static PokeApiDouble startDouble() {
    return PokeApiDouble.start(
        DoubleConfig.builder(dataDir())
            .host("127.0.0.1")
            .port(0)
            .eventLoops(1)
            .faultSeed(42L)
            .build());
  }

  /** The fixture's mix in the original weights: pokemon 3, type 1, ability 1, ids it holds. */
  public static RequestSpec[] mix() {
    return new RequestSpec[] {
      new RequestSpec("/pokemon/{id}", 3, null, List.of("1", "4", "6", "25", "133"), null),
      new RequestSpec("/type/{id}", 1, null, List.of("1", "3", "4", "10", "12", "13"), null),
      new RequestSpec("/ability/{id}", 1, null, List.of("9", "50", "65", "66"), null)
    };
  }
}
