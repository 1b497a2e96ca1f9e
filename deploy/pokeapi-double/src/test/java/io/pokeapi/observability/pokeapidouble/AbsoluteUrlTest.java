package io.pokeapi.observability.pokeapidouble;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.pokeapidouble.support.DoubleHttp;
import io.pokeapi.observability.pokeapidouble.support.Fixtures;
import io.pokeapi.observability.pokeapidouble.support.RawHttp;
import io.pokeapi.observability.pokeapidouble.support.Reply;
import io.pokeapi.observability.pokeapidouble.support.RunningDouble;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bodies as pokeapi.co writes them: minified, UTF-8, URLs absolute from the request's base. */
class AbsoluteUrlTest {

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

  @Test
  void urlsAreAbsoluteFromTheRequestsHost() {
    JsonNode pikachu = http.get("/api/v2/pokemon/25/").json();

    assertThat(pikachu.get("species").get("url").asText())
        .isEqualTo(pokeApi.baseUrl() + "/api/v2/pokemon-species/25/");
    assertThat(pikachu.get("location_area_encounters").asText())
        .isEqualTo(pokeApi.baseUrl() + "/api/v2/pokemon/25/encounters");
    assertThat(pikachu.get("cries").get("latest").asText())
        .startsWith("https://raw.githubusercontent.com/");
  }

  @Test
  void eachHostGetsItsOwnUrls() throws IOException {
    Reply local = RawHttp.get(pokeApi.port(), "/api/v2/type/1/", "localhost:" + pokeApi.port());
    Reply named = RawHttp.get(pokeApi.port(), "/api/v2/type/1/", "pokeapi.test");

    assertThat(local.json().get("pokemon").get(0).get("pokemon").get("url").asText())
        .isEqualTo("http://localhost:" + pokeApi.port() + "/api/v2/pokemon/16/");
    assertThat(named.json().get("pokemon").get(0).get("pokemon").get("url").asText())
        .isEqualTo("http://pokeapi.test/api/v2/pokemon/16/");
    assertThat(named.header("etag")).isNotEqualTo(local.header("etag"));
  }

  @Test
  void listLinksUseTheRequestsHostToo() throws IOException {
    JsonNode page = RawHttp.get(pokeApi.port(), "/api/v2/pokemon/?limit=1", "pokeapi.test").json();

    assertThat(page.get("next").asText())
        .isEqualTo("http://pokeapi.test/api/v2/pokemon/?offset=1&limit=1");
    assertThat(page.get("results").get(0).get("url").asText())
        .isEqualTo("http://pokeapi.test/api/v2/pokemon/1/");
  }

  @Test
  void aHostThatIsNoHostNameIsABadRequest() throws IOException {
    Reply reply = RawHttp.get(pokeApi.port(), "/api/v2/type/1/", "evil\"host");

    assertThat(reply.status()).isEqualTo(400);
  }

  @Test
  void forwardedHeadersAreUsedOnlyWhenTrusted() throws IOException {
    String[] forwarded = {"X-Forwarded-Proto: https", "X-Forwarded-Host: pokeapi.example"};
    try (PokeApiDouble proxied =
        RunningDouble.on(Fixtures.dataDir(), c -> c.trustForwardedHeaders(true))) {
      Reply behindProxy = RawHttp.get(proxied.port(), "/api/v2/", "internal:8080", forwarded);
      Reply direct = RawHttp.get(pokeApi.port(), "/api/v2/", "internal:8080", forwarded);

      assertThat(behindProxy.json().get("type").asText())
          .isEqualTo("https://pokeapi.example/api/v2/type/");
      assertThat(direct.json().get("type").asText()).isEqualTo("http://internal:8080/api/v2/type/");
    }
  }

  @Test
  void bodiesAreMinifiedWithUtf8TextAsJsonStringifyWritesThem() {
    Reply reply = http.get("/api/v2/pokemon-species/487/");
    String text = reply.text();

    assertThat(text).doesNotContain("\n").doesNotContain("    ").doesNotContain("\\u00e9");
    assertThat(text).contains("Il a été banni pour sa violence — « vrai ».");
    assertThat(text).contains("やぶれたせかい");
    assertThat(text).contains("gazed\\fupon").contains("its\\nviolence");
  }

  @Test
  void numbersAreWrittenAsJavaScriptPrintsThem() {
    String text = http.get("/api/v2/type/10001/").text();

    assertThat(text)
        .contains(
            "\"odd_numbers\":{\"big_integer\":12345678901234567000,\"float\":0.000001,"
                + "\"huge_float\":1.5e+300,\"one_point_zero\":1}");
    assertThat(text).contains("\"schema_ref\":\"" + pokeApi.baseUrl() + "/schema/v2/type.json\"");
  }
}
