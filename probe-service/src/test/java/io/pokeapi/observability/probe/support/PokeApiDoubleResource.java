package io.pokeapi.observability.probe.support;

import io.pokeapi.observability.pokeapidouble.DoubleConfig;
import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Runs the PokéAPI double (deploy/pokeapi-double) on a free loopback port for the test application,
 * serving the hand-made fixture (src/test/resources/pokeapi-fixture), and points the probe at it:
 * {@code probe.pokeapi.base-url} and {@code probe.contract.schema-location} (the fixture's own
 * schemas). Tests get the double through {@link InjectPokeApiDouble} to inject faults and read its
 * request counters.
 */
public class PokeApiDoubleResource implements QuarkusTestResourceLifecycleManager {

  private PokeApiDouble pokeApi;

  @Override
  public Map<String, String> start() {
    pokeApi =
        PokeApiDouble.start(
            DoubleConfig.builder(Fixtures.dataDir())
                .host("127.0.0.1")
                .port(0)
                .eventLoops(1)
                .faultSeed(42L)
                .build());
    return Map.of(
        "probe.pokeapi.base-url",
        pokeApi.baseUrl() + "/api/v2",
        "probe.contract.schema-location",
        Fixtures.schemaDir().toString());
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(
        pokeApi,
        new TestInjector.AnnotatedAndMatchesType(InjectPokeApiDouble.class, PokeApiDouble.class));
  }

  @Override
  public void stop() {
    if (pokeApi != null) {
      pokeApi.close();
    }
  }
}
