package io.pokeapi.observability.probe.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EtagCacheTest {

  private static final String URL = "https://pokeapi.co/api/v2/pokemon/25/";

  @Test
  void theLastEtagIsSentAndItsBodyComesBackIntactOnA304() {
    EtagCache cache = new EtagCache(true, 1 << 20);
    byte[] body = "{\"id\":25,\"name\":\"pikachu\"}".repeat(100).getBytes(StandardCharsets.UTF_8);

    cache.remember(URL, "W/\"abc\"", "application/json", body);

    assertThat(cache.etagFor(URL)).contains("W/\"abc\"");
    assertThat(cache.lookup(URL, "W/\"abc\"").orElseThrow().body()).isEqualTo(body);
    assertThat(cache.lookup(URL, "W/\"other\"")).isEmpty();
  }

  @Test
  void answersWithoutEtagAreNotKeptAndDisabledCachesSendNothing() {
    EtagCache cache = new EtagCache(true, 1 << 20);
    cache.remember(URL, null, "application/json", new byte[10]);
    assertThat(cache.etagFor(URL)).isEmpty();

    EtagCache off = new EtagCache(false, 1 << 20);
    off.remember(URL, "W/\"abc\"", "application/json", new byte[10]);
    assertThat(off.etagFor(URL)).isEmpty();
  }
}
