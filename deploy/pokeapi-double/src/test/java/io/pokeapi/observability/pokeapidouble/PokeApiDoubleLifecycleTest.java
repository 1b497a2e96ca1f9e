package io.pokeapi.observability.pokeapidouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pokeapi.observability.pokeapidouble.data.InvalidDataDirectoryException;
import io.pokeapi.observability.pokeapidouble.support.Fixtures;
import io.pokeapi.observability.pokeapidouble.support.RunningDouble;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, addressing and stopping an embedded double. */
class PokeApiDoubleLifecycleTest {

  @TempDir Path temp;

  @Test
  void severalEventLoopsShareOneFreePort() {
    try (PokeApiDouble pokeApi = RunningDouble.on(Fixtures.dataDir(), c -> c.eventLoops(3))) {
      assertThat(pokeApi.port()).isPositive();
      assertThat(pokeApi.baseUrl()).isEqualTo("http://127.0.0.1:" + pokeApi.port());
      assertThat(pokeApi.data().resourceCount()).isEqualTo(9);
    }
  }

  @Test
  void aDirectoryThatIsNotApiDataIsRefusedBeforeListening() {
    assertThatThrownBy(() -> RunningDouble.on(temp, c -> c))
        .isInstanceOf(InvalidDataDirectoryException.class);
  }

  @Test
  void aTakenPortIsReported() {
    try (PokeApiDouble first = RunningDouble.onFixture()) {
      assertThatThrownBy(
              () -> RunningDouble.on(Fixtures.dataDir(), c -> c.port(first.port()).eventLoops(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(Integer.toString(first.port()));
    }
  }

  @Test
  void closingStopsListening() {
    PokeApiDouble pokeApi = RunningDouble.onFixture();
    int port = pokeApi.port();

    pokeApi.close();

    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void aFailedReloadKeepsTheData() throws IOException {
    try (PokeApiDouble pokeApi = RunningDouble.onFixture()) {
      assertThatThrownBy(() -> pokeApi.reload(temp))
          .isInstanceOf(InvalidDataDirectoryException.class);

      assertThat(pokeApi.data().dataDir())
          .isEqualTo(Fixtures.dataDir().toAbsolutePath().normalize());
    }
  }
}
