package io.pokeapi.observability.pokeapidouble;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.pokeapidouble.support.DoubleHttp;
import io.pokeapi.observability.pokeapidouble.support.Reply;
import io.pokeapi.observability.pokeapidouble.support.RunningDouble;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lists paged with limit and offset exactly as the live function pages them (46 pokemon). */
class ListPagingTest {

  private static PokeApiDouble pokeApi;
  private static DoubleHttp http;
  private static String base;

  @BeforeAll
  static void start() {
    pokeApi = RunningDouble.onFixture();
    http = new DoubleHttp(pokeApi.baseUrl());
    base = pokeApi.baseUrl();
  }

  @AfterAll
  static void stop() {
    pokeApi.close();
  }

  @Test
  void defaultsAreLimit20AndOffset0() {
    JsonNode page = http.get("/api/v2/pokemon/").json();

    assertThat(page.get("count").asInt()).isEqualTo(46);
    assertThat(page.get("results")).hasSize(20);
    assertThat(page.get("results").get(0).get("name").asText()).isEqualTo("bulbasaur");
    assertThat(page.get("next").asText()).isEqualTo(base + "/api/v2/pokemon/?offset=20&limit=20");
    assertThat(page.get("previous").isNull()).isTrue();
  }

  @Test
  void keysComeInTheLiveOrder() {
    assertThat(http.get("/api/v2/pokemon/").text())
        .startsWith("{\"count\":46,\"next\":\"" + base + "/api/v2/pokemon/?offset=20&limit=20\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"limit=0", "limit=abc", "limit=", "offset=0", "offset=xyz", "limit=-0"})
  void zeroMissingOrNonNumericValuesMeanTheDefault(String query) {
    JsonNode page = http.get("/api/v2/pokemon/?" + query).json();

    assertThat(page.get("results")).hasSize(20);
    assertThat(page.get("results").get(0).get("name").asText()).isEqualTo("bulbasaur");
  }

  @Test
  void aMiddlePageLinksBothWays() {
    JsonNode page = http.get("/api/v2/pokemon/?offset=10&limit=5").json();

    assertThat(names(page))
        .containsExactly("metapod", "butterfree", "weedle", "kakuna", "beedrill");
    assertThat(page.get("next").asText()).isEqualTo(base + "/api/v2/pokemon/?offset=15&limit=5");
    assertThat(page.get("previous").asText()).isEqualTo(base + "/api/v2/pokemon/?offset=5&limit=5");
  }

  @Test
  void theLastPageHasNoNextAndAShortenedNextBeforeIt() {
    JsonNode beforeLast = http.get("/api/v2/pokemon/?offset=20&limit=20").json();
    JsonNode last = http.get("/api/v2/pokemon/?offset=40&limit=20").json();

    assertThat(beforeLast.get("next").asText())
        .isEqualTo(base + "/api/v2/pokemon/?offset=40&limit=6");
    assertThat(last.get("results")).hasSize(6);
    assertThat(last.get("next").isNull()).isTrue();
    assertThat(last.get("previous").asText())
        .isEqualTo(base + "/api/v2/pokemon/?offset=20&limit=20");
  }

  @Test
  void thereIsNoMaximumLimit() {
    JsonNode page = http.get("/api/v2/pokemon/?limit=100000").json();

    assertThat(page.get("results")).hasSize(46);
    assertThat(page.get("next").isNull()).isTrue();
  }

  @Test
  void theNextLinkKeepsTheRequestsTrailingSlashForm() {
    assertThat(http.get("/api/v2/pokemon").json().get("next").asText())
        .isEqualTo(base + "/api/v2/pokemon?offset=20&limit=20");
  }

  @Test
  void followingNextVisitsEveryEntryOnce() {
    List<String> names = new ArrayList<>();
    String next = base + "/api/v2/pokemon/?limit=7";
    int pages = 0;
    while (next != null) {
      JsonNode page = http.get(next.substring(base.length())).json();
      names.addAll(names(page));
      next = page.get("next").isNull() ? null : page.get("next").asText();
      pages++;
    }

    assertThat(pages).isEqualTo(7);
    assertThat(names).hasSize(46).doesNotHaveDuplicates();
  }

  @Test
  void anOffsetBeyondCountGivesNoResultsAndAPreviousLink() {
    JsonNode page = http.get("/api/v2/pokemon/?offset=500&limit=20").json();

    assertThat(page.get("count").asInt()).isEqualTo(46);
    assertThat(page.get("results")).isEmpty();
    assertThat(page.get("next").isNull()).isTrue();
    assertThat(page.get("previous").asText())
        .isEqualTo(base + "/api/v2/pokemon/?offset=480&limit=20");
  }

  @Test
  void aNegativeLimitSlicesFromTheEndAsJavaScriptDoes() {
    JsonNode page = http.get("/api/v2/pokemon/?limit=-1").json();

    assertThat(page.get("results")).hasSize(45);
    assertThat(page.get("next").isNull()).isTrue();
    assertThat(page.get("previous").isNull()).isTrue();
  }

  @Test
  void aHugeLimitIsReadAsJavaScriptReadsIt() {
    Reply reply = http.get("/api/v2/pokemon/?limit=99999999999999999999&offset=2");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("results")).hasSize(44);
    assertThat(reply.json().get("previous").asText())
        .isEqualTo(base + "/api/v2/pokemon/?offset=0&limit=2");
  }

  @Test
  void parseIntQuirksAreKept() {
    assertThat(http.get("/api/v2/pokemon/?limit=0x3").json().get("results")).hasSize(3);
    assertThat(http.get("/api/v2/pokemon/?limit=4abc").json().get("results")).hasSize(4);
    assertThat(http.get("/api/v2/pokemon/?limit=%205").json().get("results")).hasSize(5);
    assertThat(http.get("/api/v2/pokemon/?limit=2.9").json().get("results")).hasSize(2);
  }

  @Test
  void namelessListsHaveOnlyUrls() {
    JsonNode page = http.get("/api/v2/machine/").json();

    assertThat(page.get("results").get(0).has("name")).isFalse();
    assertThat(page.get("results").get(0).get("url").asText())
        .isEqualTo(base + "/api/v2/machine/1/");
  }

  @Test
  void listsWithoutResourceFilesArePagedToo() {
    JsonNode page = http.get("/api/v2/berry/").json();

    assertThat(page.get("count").asInt()).isEqualTo(2);
    assertThat(names(page)).containsExactly("cheri", "chesto");
  }

  @Test
  void knownEndpointsWithoutAListFileAreNotFound() {
    assertThat(http.get("/api/v2/item/").status()).isEqualTo(404);
  }

  private static List<String> names(JsonNode page) {
    List<String> names = new ArrayList<>();
    page.get("results").forEach(r -> names.add(r.get("name").asText()));
    return names;
  }
}
