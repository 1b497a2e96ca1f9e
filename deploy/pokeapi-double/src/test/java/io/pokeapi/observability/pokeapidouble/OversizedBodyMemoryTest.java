package io.pokeapi.observability.pokeapidouble;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.pokeapidouble.fault.FaultKind;
import io.pokeapi.observability.pokeapidouble.fault.FaultRule;
import io.pokeapi.observability.pokeapidouble.support.DoubleHttp;
import io.pokeapi.observability.pokeapidouble.support.RunningDouble;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 11: oversized-body faults kept one padding buffer per padding size for ever (a
 * never-evicted map), so every distinct body size left up to 16 MiB on the heap and the double's
 * RSS grew from 848 to 952 MB and never came back. Padding is now written from one shared chunk.
 * {@code deploy/bench/pokeapi-double-oversized-rss.sh} prints the process's RSS before and after.
 */
class OversizedBodyMemoryTest {

  private static final int SIZES = 40;
  private static final long SIZE_BYTES = 8L << 20;

  @Test
  void paddingBodiesOfManyDifferentSizesLeavesNothingOnTheHeap()
      throws IOException, InterruptedException {
    try (PokeApiDouble pokeApi = RunningDouble.onFixture()) {
      long before = heapAfterGc();
      for (int i = 0; i < SIZES; i++) {
        long size = SIZE_BYTES + 4099L * i;
        pokeApi
            .faults()
            .replace(
                List.of(FaultRule.on("pokemon", FaultKind.OVERSIZED_BODY).withSizeBytes(size)));

        long received = countBody(pokeApi.baseUrl() + "/api/v2/pokemon/25/");

        assertThat(received).as("bytes of the padded body %d", i).isEqualTo(size);
      }
      long grown = heapAfterGc() - before;

      // 40 sizes of 8 MiB: 320 MiB stayed on the heap before the fix
      assertThat(grown)
          .as("heap still used after %d oversized bodies of different sizes", SIZES)
          .isLessThan(64L << 20);
    }
  }

  private static long countBody(String url) throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        DoubleHttp.client()
            .send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    long count = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = response.body()) {
      int first = in.read();
      assertThat((char) first).as("the body starts as JSON").isEqualTo('{');
      count++;
      int n;
      while ((n = in.read(buffer)) > 0) {
        count += n;
      }
    }
    return count;
  }

  private static long heapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      memory.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
