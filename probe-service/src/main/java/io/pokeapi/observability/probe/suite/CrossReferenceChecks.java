package io.pokeapi.observability.probe.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.common.contract.AssertionDetail;
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.probe.client.ApiRequest;
import io.pokeapi.observability.probe.run.CheckFailed;
import io.pokeapi.observability.probe.run.CheckSkipped;
import io.pokeapi.observability.probe.run.Fetched;
import io.pokeapi.observability.probe.run.RunContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cross-references hold: a type lists every pokemon that lists that type (and each pokemon a type
 * lists has that type), on a sample; and every {@code url} in a sampled body resolves.
 */
@ApplicationScoped
public class CrossReferenceChecks {

  /**
   * Type {@code typeName} against a sample of its pokemon, both ways: each sampled pokemon the type
   * lists has the type, and every type each sampled pokemon has lists that pokemon.
   */
  public void typesAndPokemon(RunContext context, String typeName, int sample)
      throws InterruptedException {
    Map<String, Fetched> types = new HashMap<>();
    Fetched type = fetchType(context, types, typeName);
    String check = "type.cross-reference.listed-pokemon-have-type";
    List<String> pokemonUrls = new ArrayList<>();
    context.check(
        check,
        type,
        () -> {
          for (JsonNode entry : Expect.okJson(type).path("pokemon")) {
            pokemonUrls.add(entry.path("pokemon").path("url").asText());
          }
          if (pokemonUrls.isEmpty()) {
            throw new CheckSkipped("type " + typeName + " lists no pokemon");
          }
        });
    context.itemDone();
    List<String> sampled = ApiUrls.spread(pokemonUrls, sample);
    context.plan(sampled.size() * 2L);
    String typeKey = type.json() == null ? typeName : type.json().path("name").asText(typeName);
    for (String url : sampled) {
      context.checkCancelled();
      Optional<String> path = ApiUrls.relativePath(url);
      if (path.isEmpty()) {
        context.check(
            check,
            type,
            () -> {
              throw CheckFailed.assertion(
                  "/pokemon", "a PokéAPI v2 url", url, "type lists a pokemon url that is not one");
            });
        context.itemDone();
        context.itemDone();
        continue;
      }
      Fetched pokemon = context.fetch(check, ApiRequest.of(path.get()));
      context.check(
          check,
          pokemon,
          () -> {
            JsonNode body = Expect.okJson(pokemon);
            if (!typeNames(body).contains(typeKey)) {
              throw CheckFailed.assertion(
                  "/types",
                  typeKey,
                  typeNames(body),
                  "type " + typeKey + " lists " + url + ", which does not list the type");
            }
          });
      context.itemDone();
      reverse(context, types, pokemon);
      context.itemDone();
    }
  }

  /** Every type {@code pokemon} lists must list it back. */
  private void reverse(RunContext context, Map<String, Fetched> types, Fetched pokemon)
      throws InterruptedException {
    if (pokemon.json() == null) {
      return;
    }
    String name = pokemon.json().path("name").asText();
    String check = "pokemon.cross-reference.types-list-pokemon";
    List<AssertionDetail> problems = new ArrayList<>();
    List<Fetched> missing = new ArrayList<>();
    for (String typeName : typeNames(pokemon.json())) {
      Fetched type = fetchType(context, types, typeName);
      if (type.json() == null) {
        missing.add(type);
        continue;
      }
      boolean listed = false;
      for (JsonNode entry : type.json().path("pokemon")) {
        if (entry.path("pokemon").path("name").asText().equals(name)) {
          listed = true;
          break;
        }
      }
      if (!listed) {
        problems.add(
            new AssertionDetail(
                "/pokemon",
                name,
                null,
                "pokemon " + name + " lists type " + typeName + ", which does not list it"));
      }
    }
    context.check(
        check,
        pokemon,
        () -> {
          if (!missing.isEmpty()) {
            Expect.okJson(missing.get(0));
          }
          if (!problems.isEmpty()) {
            throw new CheckFailed(FailureType.ASSERTION, problems.get(0).message(), problems);
          }
        });
  }

  /**
   * Every {@code url} of the body of {@code resource} (up to {@code sample}, and only those into
   * {@code endpoints} when given) must resolve.
   */
  public void urlsResolve(
      RunContext context, String resource, int sample, Optional<List<String>> endpoints)
      throws InterruptedException {
    ResourceRef ref = ResourceRef.parse(resource);
    String check = ref.endpoint() + ".urls-resolve";
    Fetched body = context.fetch(check, ApiRequest.of(ref.path()));
    List<String> urls = new ArrayList<>();
    context.check(
        check,
        body,
        () ->
            ApiUrls.collect(Expect.okJson(body)).stream()
                .filter(url -> endpoints.isEmpty() || intoAny(url, endpoints.get()))
                .forEach(urls::add));
    context.itemDone();
    List<String> sampled = ApiUrls.spread(urls, sample);
    context.plan(sampled.size());
    for (String url : sampled) {
      context.checkCancelled();
      Optional<String> path = ApiUrls.relativePath(url);
      if (path.isEmpty()) {
        context.check(
            check,
            body,
            () -> {
              throw CheckFailed.assertion("url", "a PokéAPI v2 url", url, "not a PokéAPI v2 url");
            });
      } else {
        Fetched target = context.fetch(check, ApiRequest.of(path.get()));
        context.check(check, target, (Fetched subject) -> Expect.okJson(subject));
      }
      context.itemDone();
    }
  }

  /** Whether {@code url} is a PokéAPI v2 url into one of {@code endpoints}. */
  private static boolean intoAny(String url, List<String> endpoints) {
    return ApiUrls.relativePath(url)
        .map(path -> path.startsWith("/") ? path.substring(1) : path)
        .map(path -> path.split("/", 2)[0])
        .filter(endpoints::contains)
        .isPresent();
  }

  private static Fetched fetchType(RunContext context, Map<String, Fetched> cache, String name)
      throws InterruptedException {
    Fetched cached = cache.get(name);
    if (cached == null) {
      cached = context.fetch("type.cross-reference", ApiRequest.of("type/" + name + "/"));
      cache.put(name, cached);
    }
    return cached;
  }

  private static List<String> typeNames(JsonNode pokemon) {
    Map<String, Boolean> names = new LinkedHashMap<>();
    for (JsonNode slot : pokemon.path("types")) {
      names.put(slot.path("type").path("name").asText(), true);
    }
    return new ArrayList<>(names.keySet());
  }
}
