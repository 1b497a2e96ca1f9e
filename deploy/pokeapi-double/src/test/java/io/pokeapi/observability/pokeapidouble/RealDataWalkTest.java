package io.pokeapi.observability.pokeapidouble;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.common.testsupport.PokeApiData;
import io.pokeapi.observability.pokeapidouble.support.DoubleHttp;
import io.pokeapi.observability.pokeapidouble.support.Reply;
import io.pokeapi.observability.pokeapidouble.support.RunningDouble;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On the real data set (skipped when absent): walking every default-size list page of pokemon, type
 * and ability delivers {@code count} entries, each once, and every {@code url} resolves to the
 * resource it names.
 */
class RealDataWalkTest {

  private static PokeApiDouble pokeApi;
  private static DoubleHttp http;

  @BeforeAll
  static void start() {
    pokeApi = RunningDouble.on(PokeApiData.requireDataDir(), c -> c);
    http = new DoubleHttp(pokeApi.baseUrl());
  }

  @AfterAll
  static void stop() {
    if (pokeApi != null) {
      pokeApi.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"pokemon", "type", "ability"})
  void everyListPageDeliversCountUniqueEntriesWhoseUrlsResolve(String endpoint) throws Exception {
    String base = pokeApi.baseUrl();
    List<JsonNode> entries = new ArrayList<>();
    String next = base + "/api/v2/" + endpoint + "/";
    int count = -1;
    int pages = 0;
    while (next != null) {
      assertThat(next).startsWith(base);
      JsonNode page = http.get(next.substring(base.length())).json();
      count = page.get("count").asInt();
      assertThat(page.get("results").size()).isLessThanOrEqualTo(20);
      page.get("results").forEach(entries::add);
      next = page.get("next").isNull() ? null : page.get("next").asText();
      pages++;
    }

    assertThat(entries).hasSize(count);
    assertThat(pages).isEqualTo((count + 19) / 20);
    List<String> urls = entries.stream().map(e -> e.get("url").asText()).toList();
    assertThat(urls).doesNotHaveDuplicates();
    assertThat(entries.stream().map(e -> e.get("name").asText()).toList()).doesNotHaveDuplicates();

    Map<String, Integer> failures = new ConcurrentHashMap<>();
    ForkJoinPool pool = new ForkJoinPool(4);
    try {
      pool.submit(
              () ->
                  entries.parallelStream()
                      .forEach(
                          entry -> {
                            String url = entry.get("url").asText();
                            Reply reply = http.get(url.substring(base.length()));
                            if (reply.status() != 200
                                || !reply
                                    .json()
                                    .get("name")
                                    .asText()
                                    .equals(entry.get("name").asText())
                                || !url.endsWith("/" + reply.json().get("id").asInt() + "/")) {
                              failures.put(url, reply.status());
                            }
                          }))
          .get();
    } finally {
      pool.shutdown();
    }
    assertThat(failures).as("urls that did not resolve to their resource").isEmpty();
  }
}
