package io.pokeapi.observability.load.support;

import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Runs the PokéAPI double on the fixture for the test application and aims {@code
 * load.target.base-url} at it. Tests get the double through {@link InjectPokeApiDouble} to read its
 * request counters.
 */
public class PokeApiDoubleResource implements QuarkusTestResourceLifecycleManager {

  private PokeApiDouble pokeApi;

  @Override
  public Map<String, String> start() {
    pokeApi = Fixture.startDouble();
    return Map.of("load.target.base-url", pokeApi.baseUrl() + "/api/v2");
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
