package io.pokeapi.observability.pokeapidouble;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.pokeapidouble.support.RawHttp;
import io.pokeapi.observability.pokeapidouble.support.Reply;
import io.pokeapi.observability.pokeapidouble.support.RunningDouble;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile or odd requests get the answers pokeapi.co gives (400 or 404; 414 beyond Cloudflare's 16
 * KB URL limit), never a 500, and never anything but the served data.
 */
class BadInputTest {

  private static PokeApiDouble pokeApi;

  @BeforeAll
  static void start() {
    pokeApi = RunningDouble.onFixture();
  }

  @AfterAll
  static void stop() {
    pokeApi.close();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/api/v2/../../etc/passwd, 404",
    "/api/v2/pokemon/../../../etc/passwd, 404",
    "/api/v2/pokemon/..%2F..%2F..%2Fetc%2Fpasswd, 400",
    "/api/v2/pokemon/%2e%2e/, 400",
    "/api/v2/pokemon/%2e%2e/%2e%2e/, 400",
    "/api/v2/%2e%2e/pokemon/1/, 400",
    "/api/v2/pokemon/%00/, 400",
    "/api/v2/pokemon/1%00/, 400",
    "/api/v2/pokemon/%zz/, 400",
    "/api/v2/pokemon/%/, 400",
    "/api/v2/pokemon/%C3%28/, 400",
    "/api/v2/pokemon/flab%C3%A9b%C3%A9/, 400",
    "/api/v2/pokemon/pikachu%E2%80%8B/, 400",
    "/api/v2/pokemon/%F0%9F%94%A5/, 400",
    "/api/v2/pokemon/pika%20chu/, 400",
    "/api/v2/pokemon/%70ikachu/, 200",
    "/api/v2/pok%65mon/25/, 200",
    "/api/v2/pokemon//25/, 404",
    "/api/v2//, 404",
    "/api/v2/pokemon/25//, 404",
    "/api/v2/pokemon/25/encounters/x/y/, 404",
    "/api/v2x/pokemon/, 404",
    "/api/, 404",
    "/api/v2/pokemon/?limit=-1, 200",
    "/api/v2/pokemon/?limit=99999999999999999999, 200",
    "/api/v2/pokemon/?offset=-99999999999999999999&limit=5, 200",
    "/api/v2/pokemon/?offset=1e400&limit=1e400, 200",
    "/api/v2/pokemon/?offset=99999999999999999999999999999999999999, 200",
    "/api/v2/pokemon/?limit=%FF%FE, 200",
    "/api/v2/pokemon/?limit, 200",
    "/api/v2/pokemon/?&&&=&=, 200"
  })
  void answersLikeTheLiveApi(String target, int status) throws IOException {
    Reply reply = RawHttp.get(pokeApi.port(), target, "pokeapi.test");

    assertThat(reply.status()).isEqualTo(status);
  }

  @Test
  void rawNonAsciiBytesInThePathAreABadRequest() throws IOException {
    byte[] request =
        "GET /api/v2/pokemon/flabébé/ HTTP/1.1\r\nHost: pokeapi.test\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(RawHttp.exchange(pokeApi.port(), request).status()).isEqualTo(400);
  }

  @Test
  void aTenThousandCharacterNameIsNotFound() throws IOException {
    Reply reply =
        RawHttp.get(pokeApi.port(), "/api/v2/pokemon/" + "a".repeat(10_000), "pokeapi.test");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.text()).isEqualTo("Not Found");
  }

  @Test
  void tenThousandCharactersOfSegmentsMatchNoRoute() throws IOException {
    Reply reply = RawHttp.get(pokeApi.port(), "/api/v2/" + "a/".repeat(5_000), "pokeapi.test");

    assertThat(reply.status()).isEqualTo(404);
  }

  @Test
  void aTenThousandCharacterQueryIsServed() throws IOException {
    Reply reply =
        RawHttp.get(pokeApi.port(), "/api/v2/pokemon/?limit=" + "9".repeat(10_000), "pokeapi.test");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("results")).hasSize(46);
  }

  @Test
  void aRequestLineBeyondSixteenKilobytesIsUriTooLong() throws IOException {
    Reply reply =
        RawHttp.get(pokeApi.port(), "/api/v2/pokemon/" + "a".repeat(20_000), "pokeapi.test");

    assertThat(reply.status()).isEqualTo(414);
  }
}
