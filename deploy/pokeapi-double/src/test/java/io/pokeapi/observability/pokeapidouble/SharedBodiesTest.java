package io.pokeapi.observability.pokeapidouble;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.pokeapidouble.support.DoubleHttp;
import io.pokeapi.observability.pokeapidouble.support.Fixtures;
import io.pokeapi.observability.pokeapidouble.support.RunningDouble;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The pre-rendered buffers are written by every event loop at once: concurrent requests over many
 * connections all get the complete, identical bytes.
 */
class SharedBodiesTest {

  @Test
  void concurrentRequestsOnSeveralEventLoopsGetIdenticalBodies() throws Exception {
    try (PokeApiDouble pokeApi = RunningDouble.on(Fixtures.dataDir(), c -> c.eventLoops(4))) {
      byte[] expected = new DoubleHttp(pokeApi.baseUrl()).get("/api/v2/pokemon/?limit=46").body();
      List<CompletableFuture<HttpResponse<byte[]>>> replies = new ArrayList<>();
      List<HttpClient> clients = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
      }
      for (int i = 0; i < 800; i++) {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(pokeApi.baseUrl() + "/api/v2/pokemon/?limit=46"))
                .build();
        replies.add(
            clients
                .get(i % clients.size())
                .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
      }

      CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).join();

      assertThat(replies)
          .allSatisfy(
              r -> {
                assertThat(r.join().statusCode()).isEqualTo(200);
                assertThat(Arrays.equals(r.join().body(), expected)).isTrue();
              });
      assertThat(pokeApi.metrics().requests("pokemon", 200)).isEqualTo(801);
    }
  }
}
