package io.pokeapi.observability.pokeapidouble;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.pokeapidouble.support.Fixtures;
import io.pokeapi.observability.pokeapidouble.support.RawHttp;
import io.pokeapi.observability.pokeapidouble.support.Reply;
import io.pokeapi.observability.pokeapidouble.support.RunningDouble;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever path or query a client sends, the double answers with a status pokeapi.co could give and
 * never with anything but served data; and any page agrees with plain list arithmetic.
 */
class BadInputPropertiesTest {

  private static final String SENTINEL = "TOP-SECRET-SENTINEL-7f3a";
  private static final Set<Integer> LIVE_STATUSES = Set.of(200, 301, 400, 404, 414);

  private static Path workDir;
  private static PokeApiDouble pokeApi;
  private static List<String> fixtureNames;

  @BeforeContainer
  static void start() throws IOException {
    workDir = Files.createTempDirectory("pokeapi-double-props");
    Files.writeString(workDir.resolve("secret.json"), "{\"secret\": \"" + SENTINEL + "\"}");
    Path data = Fixtures.copyTo(workDir.resolve("data"));
    Files.writeString(data.resolve("api/v2/pokemon/25/notes.txt"), SENTINEL);
    Files.writeString(data.resolve("secret.json"), SENTINEL);
    pokeApi = RunningDouble.on(data, c -> c);
    fixtureNames = new ArrayList<>();
    JsonNode all =
        RawHttp.get(pokeApi.port(), "/api/v2/pokemon/?limit=1000", "pokeapi.test").json();
    all.get("results").forEach(r -> fixtureNames.add(r.get("name").asText()));
  }

  @AfterContainer
  static void stop() throws IOException {
    pokeApi.close();
    try (var files = Files.walk(workDir)) {
      files
          .sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(BadInputPropertiesTest::delete);
    }
  }

  @Property(tries = 300)
  void anyPathGetsALiveStatusAndNeverForeignBytes(@ForAll("paths") String target)
      throws IOException {
    Reply reply = RawHttp.get(pokeApi.port(), target, "pokeapi.test");

    assertThat(reply.status()).as(target).isIn(LIVE_STATUSES);
    assertThat(reply.text()).as(target).doesNotContain(SENTINEL);
  }

  @Property(tries = 200)
  void anyPageIsTheMatchingSliceWithConsistentLinks(
      @ForAll @IntRange(min = 1, max = 60) int limit,
      @ForAll @IntRange(min = 0, max = 60) int offset)
      throws IOException {
    JsonNode page =
        RawHttp.get(
                pokeApi.port(),
                "/api/v2/pokemon/?offset=" + offset + "&limit=" + limit,
                "pokeapi.test")
            .json();

    List<String> names = new ArrayList<>();
    page.get("results").forEach(r -> names.add(r.get("name").asText()));
    int count = fixtureNames.size();
    assertThat(names)
        .isEqualTo(fixtureNames.subList(Math.min(offset, count), Math.min(offset + limit, count)));
    assertThat(page.get("next").isNull()).isEqualTo(offset + limit >= count);
    assertThat(page.get("previous").isNull()).isEqualTo(offset == 0);
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> segment =
        Arbitraries.oneOf(
            Arbitraries.of(
                "pokemon",
                "type",
                "ability",
                "machine",
                "meta",
                "encounters",
                "25",
                "pikachu",
                "PIKACHU",
                "..",
                ".",
                "%2e%2e",
                "%2E%2e%2F",
                "%2F",
                "%00",
                "%zz",
                "%",
                "%C3%28",
                "%C3%A9",
                "%E2%80%8B",
                "secret.json",
                "notes.txt",
                "index.json",
                "index.json.gz",
                "0",
                "025",
                "-1",
                "99999999999999999999",
                "a b",
                "~",
                "%25",
                "%252e",
                ""),
            Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyz0123456789-_.~")
                .ofMaxLength(12),
            Arbitraries.bytes()
                .list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .map(
                    bytes -> {
                      StringBuilder encoded = new StringBuilder();
                      bytes.forEach(b -> encoded.append(String.format("%%%02X", b & 0xff)));
                      return encoded.toString();
                    }));
    Arbitrary<String> prefix =
        Arbitraries.of("/api/v2/", "/api/v2", "/api/", "/api/v1/", "/", "/_admin/");
    Arbitrary<String> query =
        Arbitraries.of(
            "",
            "?limit=-1",
            "?offset=1e400",
            "?limit=0x10&offset=-3",
            "?limit=%FF",
            "?limit=99999999999999999999");
    return Combinators.combine(prefix, segment.list().ofMaxSize(5), Arbitraries.of("", "/"), query)
        .as(
            (p, segments, slash, q) ->
                p + String.join("/", segments).replace(" ", "%20") + slash + q);
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
