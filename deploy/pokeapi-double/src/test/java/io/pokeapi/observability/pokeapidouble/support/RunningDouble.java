package io.pokeapi.observability.pokeapidouble.support;

import io.pokeapi.observability.pokeapidouble.DoubleConfig;
import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Starts doubles for tests: on port 0 and the loopback address, two event loops. */
public final class RunningDouble {

  private RunningDouble() {}

  /** A double on the fixture data. */
  public static PokeApiDouble onFixture() {
    return on(Fixtures.dataDir(), c -> c);
  }

  /** A double on {@code dataDir}, with the test's changes to the configuration. */
  public static PokeApiDouble on(Path dataDir, UnaryOperator<DoubleConfig.Builder> customize) {
    return PokeApiDouble.start(
        customize
            .apply(DoubleConfig.builder(dataDir).host("127.0.0.1").port(0).eventLoops(2))
            .build());
  }
}
