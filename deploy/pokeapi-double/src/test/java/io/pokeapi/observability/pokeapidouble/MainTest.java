package io.pokeapi.observability.pokeapidouble;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.pokeapidouble.fault.FaultKind;
import io.pokeapi.observability.pokeapidouble.support.DoubleHttp;
import io.pokeapi.observability.pokeapidouble.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line an operator or the container image starts the double with. */
class MainTest {

  @TempDir Path temp;

  @Test
  void optionsBecomeTheConfiguration() throws IOException {
    Path faults = temp.resolve("faults.json");
    Files.writeString(
        faults,
        """
        {"seed": 99, "rules": [{"endpoint": "pokemon", "kind": "http_503", "rate": 0.1}]}""");
    Main main = new Main();
    Main.commandLine(main)
        .parseArgs(
            "--data-dir",
            "/data",
            "--port",
            "9090",
            "--host",
            "127.0.0.1",
            "--admin",
            "--event-loops",
            "3",
            "--missing-encounters",
            "not_found",
            "--faults",
            faults.toString(),
            "--trust-forwarded-headers",
            "--render-cache-mb",
            "64");

    DoubleConfig config = main.toConfig();

    assertThat(config.dataDir()).isEqualTo(Path.of("/data"));
    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.adminEnabled()).isTrue();
    assertThat(config.eventLoops()).isEqualTo(3);
    assertThat(config.missingEncounters()).isEqualTo(MissingEncounters.NOT_FOUND);
    assertThat(config.trustForwardedHeaders()).isTrue();
    assertThat(config.renderCacheBytes()).isEqualTo(64L << 20);
    assertThat(config.faultSeed()).isEqualTo(99L);
    assertThat(config.initialFaults())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.kind()).isEqualTo(FaultKind.HTTP_503);
              assertThat(rule.rate()).isEqualTo(0.1);
            });
  }

  @Test
  void defaultsServeOnAllInterfacesWithoutAdmin() throws IOException {
    Main main = new Main();
    Main.commandLine(main).parseArgs("--data-dir", "/data");

    DoubleConfig config = main.toConfig();

    assertThat(config.port())
        .isEqualTo(Integer.parseInt(System.getenv().getOrDefault("POKEAPI_DOUBLE_PORT", "8080")));
    assertThat(config.adminEnabled())
        .isEqualTo(
            Boolean.parseBoolean(System.getenv().getOrDefault("POKEAPI_DOUBLE_ADMIN", "false")));
    assertThat(config.missingEncounters()).isEqualTo(MissingEncounters.EMPTY_LIST);
    assertThat(config.eventLoops()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void aStartedDoubleAnswersOnItsPort() throws IOException {
    Main main = new Main();
    Main.commandLine(main)
        .parseArgs(
            "--data-dir", Fixtures.dataDir().toString(), "--port", "0", "--host", "127.0.0.1");

    try (PokeApiDouble pokeApi = PokeApiDouble.start(main.toConfig())) {
      assertThat(new DoubleHttp(pokeApi.baseUrl()).get("/api/v2/pokemon/pikachu").status())
          .isEqualTo(200);
    }
  }
}
