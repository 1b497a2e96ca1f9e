package io.pokeapi.observability.pokeapidouble;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.pokeapidouble.support.DoubleHttp;
import io.pokeapi.observability.pokeapidouble.support.Reply;
import io.pokeapi.observability.pokeapidouble.support.RunningDouble;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The headers of the live function: caching, ETags and 304, version headers, gzip, CORS. */
class ResponseHeadersTest {

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
  void successCarriesCacheControlVersionHeadersAndAWeakEtag() {
    Reply reply = http.get("/api/v2/pokemon/25/");

    assertThat(reply.header("content-type")).isEqualTo("application/json; charset=utf-8");
    assertThat(reply.header("cache-control")).isEqualTo("public, max-age=86400, s-maxage=86400");
    assertThat(reply.header("x-pokeapi-hash"))
        .isEqualTo("fixture0hash0000000000000000000000000001");
    assertThat(reply.header("x-pokeapi-deploy-date")).isEqualTo("1786004122");
    assertThat(reply.header("etag")).matches("W/\"[0-9a-f]+-[A-Za-z0-9+/]{27}\"");
    assertThat(reply.header("etag"))
        .startsWith("W/\"" + Integer.toHexString(reply.body().length) + "-");
    assertThat(reply.header("access-control-allow-origin")).isEqualTo("*");
    assertThat(reply.header("content-length")).isEqualTo(Integer.toString(reply.body().length));
  }

  @Test
  void ifNoneMatchWithTheEtagGivesNotModified() {
    String etag = http.get("/api/v2/pokemon/25/").header("etag");

    Reply weak = http.get("/api/v2/pokemon/25/", "If-None-Match", etag);
    Reply strongForm = http.get("/api/v2/pokemon/25/", "If-None-Match", etag.substring(2));
    Reply inAList = http.get("/api/v2/pokemon/pikachu", "If-None-Match", "\"other\", " + etag);

    assertThat(weak.status()).isEqualTo(304);
    assertThat(weak.body()).isEmpty();
    assertThat(weak.header("etag")).isEqualTo(etag);
    assertThat(weak.header("x-pokeapi-hash")).isNotNull();
    assertThat(strongForm.status()).isEqualTo(304);
    assertThat(inAList.status()).isEqualTo(304);
  }

  @Test
  void aStaleOrBypassedEtagGivesTheBody() {
    String etag = http.get("/api/v2/pokemon/25/").header("etag");

    assertThat(http.get("/api/v2/pokemon/25/", "If-None-Match", "W/\"1-abc\"").status())
        .isEqualTo(200);
    assertThat(
            http.get("/api/v2/pokemon/25/", "If-None-Match", etag, "Cache-Control", "no-cache")
                .status())
        .isEqualTo(200);
  }

  @Test
  void listPagesHaveTheirOwnEtags() {
    Reply first = http.get("/api/v2/pokemon/");
    Reply second = http.get("/api/v2/pokemon/?offset=20");

    assertThat(first.header("etag")).isNotEqualTo(second.header("etag"));
    assertThat(http.get("/api/v2/pokemon/", "If-None-Match", first.header("etag")).status())
        .isEqualTo(304);
  }

  @Test
  void notFoundIsNeverNotModified() {
    Reply notFound = http.get("/api/v2/pokemon/99999/");

    assertThat(notFound.header("etag")).isEqualTo("W/\"9-0gXL1ngzMqISxa6S1zx3F4wtLyg\"");
    assertThat(
            http.get("/api/v2/pokemon/99999/", "If-None-Match", notFound.header("etag")).status())
        .isEqualTo(404);
    assertThat(notFound.header("x-pokeapi-hash")).isNull();
  }

  @Test
  void gzipIsSentToClientsThatAcceptItForBodiesOfAtLeast1KiB() throws IOException {
    String large = "/api/v2/pokemon/?limit=100";
    Reply plain = http.get(large);
    Reply gzipped = http.get(large, "Accept-Encoding", "gzip, deflate, br");
    Reply refused = http.get(large, "Accept-Encoding", "gzip;q=0, identity");
    Reply small = http.get("/api/v2/pokemon/1/encounters", "Accept-Encoding", "gzip");

    assertThat(plain.body().length).isGreaterThan(1024);
    assertThat(gzipped.header("content-encoding")).isEqualTo("gzip");
    assertThat(gzipped.header("vary")).isEqualTo("Accept-Encoding");
    assertThat(gzipped.header("etag")).isEqualTo(plain.header("etag"));
    assertThat(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes())
        .isEqualTo(plain.body());
    assertThat(refused.header("content-encoding")).isNull();
    assertThat(small.header("content-encoding")).isNull();
  }

  @Test
  void headGivesTheHeadersWithoutTheBody() {
    Reply get = http.get("/api/v2/type/1/");
    Reply head = http.head("/api/v2/type/1/");

    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.header("etag")).isEqualTo(get.header("etag"));
    assertThat(head.header("content-length")).isEqualTo(get.header("content-length"));
  }

  @Test
  void corsPreflightIsAnswered() {
    Reply reply =
        http.send(
            "OPTIONS",
            "/api/v2/pokemon/1/",
            null,
            "Origin",
            "https://example.org",
            "Access-Control-Request-Method",
            "GET",
            "Access-Control-Request-Headers",
            "x-trace");

    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.header("access-control-allow-origin")).isEqualTo("*");
    assertThat(reply.header("access-control-allow-methods")).isEqualTo("GET,HEAD");
    assertThat(reply.header("access-control-allow-headers")).isEqualTo("x-trace");
  }

  @Test
  void otherMethodsMatchNoRoute() {
    Reply reply = http.send("POST", "/api/v2/pokemon/1/", "{}");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.text()).contains("Cannot POST /api/v2/pokemon/1/");
  }
}
