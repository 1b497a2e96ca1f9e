package io.pokeapi.observability.probe.client;

import io.pokeapi.observability.probe.config.ProbeConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** Builds the REST client from {@code probe.pokeapi.*}. */
@ApplicationScoped
public class PokeApiRestClientProducer {

  @Produces
  @ApplicationScoped
  PokeApiRestClient pokeApiRestClient(ProbeConfig config) {
    ProbeConfig.PokeApi api = config.pokeapi();
    String base = api.baseUrl().replaceAll("/+$", "");
    return QuarkusRestClientBuilder.newBuilder()
        .baseUri(URI.create(base))
        .connectTimeout(api.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(api.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .followRedirects(true)
        .property("microprofile.rest.client.disable.default.mapper", true)
        .build(PokeApiRestClient.class);
  }
}
