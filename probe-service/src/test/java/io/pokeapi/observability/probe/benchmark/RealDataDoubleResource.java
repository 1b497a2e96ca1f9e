package io.pokeapi.observability.probe.benchmark;

import io.pokeapi.observability.common.testsupport.PokeApiData;
import io.pokeapi.observability.pokeapidouble.DoubleConfig;
import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The PokéAPI double serving the real data set ({@code ../shared/pokeapi}, found by {@link
 * PokeApiData}) with the published schemas beside it. Without the data set it starts nothing and
 * the benchmark skips itself.
 */
public class RealDataDoubleResource implements QuarkusTestResourceLifecycleManager {

  private PokeApiDouble pokeApi;

  @Override
  public Map<String, String> start() {
    Optional<Path> data = PokeApiData.dataDir();
    if (data.isEmpty()) {
      return Map.of();
    }
    pokeApi =
        PokeApiDouble.start(
            DoubleConfig.builder(data.get()).host("127.0.0.1").port(0).eventLoops(1).build());
    return Map.of(
        "probe.pokeapi.base-url",
        pokeApi.baseUrl() + "/api/v2",
        "probe.contract.schema-location",
        data.get().resolve("schema/v2").toString());
  }

  @Override
  public void stop() {
    if (pokeApi != null) {
      pokeApi.close();
    }
  }
}
