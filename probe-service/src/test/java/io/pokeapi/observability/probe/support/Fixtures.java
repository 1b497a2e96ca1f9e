package io.pokeapi.observability.probe.support;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The small hand-written PokéAPI fixture of the tests (src/test/resources/pokeapi-fixture). */
public final class Fixtures {

  private Fixtures() {}

  /** The data directory (holding {@code api/v2}) of the fixture. */
  public static Path dataDir() {
    URL url = Fixtures.class.getResource("/pokeapi-fixture/api/v2/index.json");
    if (url == null) {
      throw new IllegalStateException("pokeapi-fixture is not on the test class path");
    }
    try {
      return Path.of(url.toURI()).getParent().getParent().getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fixture's copy of the schema directory ({@code schema/v2}). */
  public static Path schemaDir() {
    return dataDir().resolve("schema/v2");
  }

  /** The body file of {@code endpoint/id}. */
  public static Path body(String resource) {
    return dataDir().resolve("api/v2").resolve(resource).resolve("index.json");
  }
}
