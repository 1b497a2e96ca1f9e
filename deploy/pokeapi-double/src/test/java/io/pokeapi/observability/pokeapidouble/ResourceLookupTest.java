package io.pokeapi.observability.pokeapidouble;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.pokeapidouble.support.DoubleHttp;
import io.pokeapi.observability.pokeapidouble.support.Fixtures;
import io.pokeapi.observability.pokeapidouble.support.Reply;
import io.pokeapi.observability.pokeapidouble.support.RunningDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Looking resources up by id and name, as pokeapi.co resolves them. */
class ResourceLookupTest {

  private static PokeApiDouble pokeApi;
  private static DoubleHttp http;

  @BeforeAll
  static void start() {
    pokeApi = RunningDouble.onFixture();
    http = new DoubleHttp(pokeApi.baseUrl());
  }

  @AfterAll
  static void stop() {
    pokeApi.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v2/pokemon/25/",
        "/api/v2/pokemon/25",
        "/api/v2/pokemon/pikachu/",
        "/api/v2/pokemon/pikachu",
        "/api/v2/pokemon/PIKACHU/",
        "/api/v2/pokemon/PiKaChU"
      })
  void idOrNameWithOrWithoutTrailingSlashGivesTheSameResource(String path) {
    Reply reply = http.get(path);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("id").asInt()).isEqualTo(25);
    assertThat(reply.text()).isEqualTo(http.get("/api/v2/pokemon/25/").text());
  }

  @Test
  void gzipAndPlainFilesAreServedAlike() {
    assertThat(http.get("/api/v2/pokemon/1/").json().get("name").asText()).isEqualTo("bulbasaur");
    assertThat(http.get("/api/v2/pokemon/10001/").json().get("name").asText())
        .isEqualTo("deoxys-attack");
  }

  @Test
  void namesResolvePerEndpoint() {
    assertThat(http.get("/api/v2/pokemon-species/giratina/").status()).isEqualTo(200);
    assertThat(http.get("/api/v2/pokemon/giratina-altered/").status()).isEqualTo(200);

    Reply wrongEndpoint = http.get("/api/v2/pokemon/giratina/");

    assertThat(wrongEndpoint.status()).isEqualTo(404);
    assertThat(wrongEndpoint.text()).isEqualTo("Not Found");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v2/pokemon/99999/",
        "/api/v2/pokemon/missingno/",
        "/api/v2/pokemon/025/",
        "/api/v2/pokemon/clefairy/",
        "/api/v2/berry/cheri/",
        "/api/v2/type/0/",
        "/api/v2/machine/2/"
      })
  void unknownIdOrNameIsAPlainTextNotFound(String path) {
    Reply reply = http.get(path);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.header("content-type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(reply.text()).isEqualTo("Not Found");
    assertThat(reply.header("cache-control")).isEqualTo("public, max-age=432000, s-maxage=432000");
  }

  @Test
  void namelessEndpointsResolveIdsOnly() {
    assertThat(http.get("/api/v2/machine/1/").json().get("id").asInt()).isEqualTo(1);
    assertThat(http.get("/api/v2/machine/tm00/").status()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v2/pokemons/1/",
        "/api/v2/Pokemon/1/",
        "/api/v2/nothing/",
        "/api/v2/pokemon/1/moves/",
        "/api/v2/pokemon/1/ENCOUNTERS/",
        "/api/v2/pokemon/pika.chu/"
      })
  void unknownEndpointOrSubPathIsBadRequest(String path) {
    Reply reply = http.get(path);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text()).isEqualTo("Bad Request");
    assertThat(reply.header("content-type")).isEqualTo("text/plain; charset=utf-8");
  }

  @Test
  void encountersAreServedFromTheDataWhenPresent() {
    Reply reply = http.get("/api/v2/pokemon/pikachu/encounters");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get(0).get("location_area").get("name").asText())
        .isEqualTo("viridian-forest-area");
  }

  @Test
  void encountersMissingFromTheDataAreAnEmptyListForAnExistingPokemon() {
    Reply reply = http.get("/api/v2/pokemon/1/encounters/");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text()).isEqualTo("[]");
    assertThat(http.get("/api/v2/pokemon/99999/encounters").status()).isEqualTo(404);
    assertThat(http.get("/api/v2/type/1/encounters").status()).isEqualTo(404);
  }

  @Test
  void encountersMissingFromTheDataCanBeNotFoundInstead() {
    try (PokeApiDouble strict =
        RunningDouble.on(
            Fixtures.dataDir(), c -> c.missingEncounters(MissingEncounters.NOT_FOUND))) {
      DoubleHttp strictHttp = new DoubleHttp(strict.baseUrl());

      assertThat(strictHttp.get("/api/v2/pokemon/1/encounters/").status()).isEqualTo(404);
      assertThat(strictHttp.get("/api/v2/pokemon/25/encounters/").status()).isEqualTo(200);
    }
  }

  @Test
  void deeperPathsMatchNoRouteAndGetExpressNotFoundPage() {
    Reply reply = http.get("/api/v2/pokemon/1/encounters/extra/");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.header("content-type")).isEqualTo("text/html; charset=utf-8");
    assertThat(reply.text()).contains("<pre>Cannot GET /api/v2/pokemon/1/encounters/extra/</pre>");
  }

  @Test
  void rootIndexListsEndpointsWithAbsoluteUrls() {
    Reply reply = http.get("/api/v2/");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("pokemon").asText())
        .isEqualTo(pokeApi.baseUrl() + "/api/v2/pokemon/");
    assertThat(http.get("/api/v2").text()).isEqualTo(reply.text());
  }

  @Test
  void metaIsServedAsIs() {
    Reply reply = http.get("/api/v2/meta/");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("hash").asText())
        .isEqualTo("fixture0hash0000000000000000000000000001");
    assertThat(reply.json().get("deploy_date").asText()).isEqualTo("1786004122");
    assertThat(reply.json().get("tag").isNull()).isTrue();
  }

  @Test
  void apiV1RedirectsToV2LikeFirebaseHosting() {
    Reply reply = http.get("/api/v1/pokemon/25/?x=1");

    assertThat(reply.status()).isEqualTo(301);
    assertThat(reply.header("location")).isEqualTo("/api/v2/pokemon/25/?x=1");
  }

  @Test
  void pathsOutsideTheApiAreNotFound() {
    assertThat(http.get("/").status()).isEqualTo(404);
    assertThat(http.get("/index.html").status()).isEqualTo(404);
  }
}
