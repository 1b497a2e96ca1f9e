package io.pokeapi.observability.pokeapidouble;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.pokeapidouble.support.DoubleHttp;
import io.pokeapi.observability.pokeapidouble.support.Fixtures;
import io.pokeapi.observability.pokeapidouble.support.Reply;
import io.pokeapi.observability.pokeapidouble.support.RunningDouble;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code /_admin/} interface: off by default; faults, reload and metrics when on. */
class AdminApiTest {

  @TempDir Path temp;

  private PokeApiDouble pokeApi;
  private DoubleHttp http;
  private Path data;

  @BeforeEach
  void start() {
    data = Fixtures.copyTo(temp.resolve("data"));
    pokeApi = RunningDouble.on(data, c -> c.adminEnabled(true));
    http = new DoubleHttp(pokeApi.baseUrl());
  }

  @AfterEach
  void stop() {
    pokeApi.close();
  }

  @Test
  void adminIsOffByDefaultAndThen404sLikeAnyUnknownPath() {
    try (PokeApiDouble plain = RunningDouble.onFixture()) {
      DoubleHttp plainHttp = new DoubleHttp(plain.baseUrl());

      for (String path : new String[] {"/_admin/status", "/_admin/faults", "/_admin/metrics"}) {
        Reply reply = plainHttp.get(path);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text()).isEqualTo(plainHttp.get("/no-such-page").text());
      }
      assertThat(plainHttp.send("POST", "/_admin/reload", "{}").status()).isEqualTo(404);
    }
  }

  @Test
  void statusDescribesWhatIsServed() {
    JsonNode status = http.get("/_admin/status").json();

    assertThat(status.get("dataDir").asText())
        .isEqualTo(data.toAbsolutePath().normalize().toString());
    assertThat(status.get("resources").asInt()).isEqualTo(9);
    assertThat(status.get("hash").asText()).isEqualTo("fixture0hash0000000000000000000000000001");
  }

  @Test
  void faultsCanBeReplacedListedAddedAndRemoved() {
    Reply put =
        http.send(
            "PUT",
            "/_admin/faults",
            """
            {"seed": 7, "rules": [
              {"id": "slow-types", "endpoint": "type", "kind": "latency", "latencyMs": 50},
              {"id": "broken-pokemon", "endpoint": "pokemon", "kind": "http_500", "rate": 1.0}
            ]}""");

    assertThat(put.status()).isEqualTo(200);
    assertThat(http.get("/api/v2/pokemon/25/").status()).isEqualTo(500);
    JsonNode listed = http.get("/_admin/faults").json();
    assertThat(listed.get("seed").asLong()).isEqualTo(7);
    assertThat(listed.get("rules")).hasSize(2);
    assertThat(listed.get("rules").get(1).get("fired").asLong()).isEqualTo(1);

    Reply added =
        http.send(
            "POST",
            "/_admin/faults",
            "{\"endpoint\": \"*\", \"kind\": \"http_429\", \"retryAfterSeconds\": 5}");
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().get("id").asText()).startsWith("rule-");
    assertThat(http.get("/api/v2/type/1/").header("retry-after")).isEqualTo("5");

    assertThat(http.send("DELETE", "/_admin/faults/broken-pokemon", null).status()).isEqualTo(200);
    assertThat(http.send("DELETE", "/_admin/faults/broken-pokemon", null).status()).isEqualTo(404);
    assertThat(http.send("DELETE", "/_admin/faults", null).json().get("rules")).isEmpty();
    assertThat(http.get("/api/v2/pokemon/25/").status()).isEqualTo(200);
  }

  @Test
  void invalidRulesAreRejectedWithTheReason() {
    Reply unknownKind = http.send("POST", "/_admin/faults", "{\"kind\": \"meteor\"}");
    Reply badRate = http.send("POST", "/_admin/faults", "{\"kind\": \"http_500\", \"rate\": 2}");
    Reply notJson = http.send("PUT", "/_admin/faults", "{rules: oops");

    assertThat(unknownKind.status()).isEqualTo(400);
    assertThat(unknownKind.json().get("detail").asText()).contains("unknown fault kind 'meteor'");
    assertThat(badRate.status()).isEqualTo(400);
    assertThat(badRate.json().get("detail").asText()).contains("rate must be between 0 and 1");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(http.get("/_admin/faults").json().get("rules")).isEmpty();
  }

  @Test
  void metricsAreInPrometheusFormat() {
    http.send("POST", "/_admin/faults", "{\"endpoint\": \"type\", \"kind\": \"http_503\"}");
    http.get("/api/v2/pokemon/25/");
    http.get("/api/v2/pokemon/99999/");
    http.get("/api/v2/type/1/");

    Reply metrics = http.get("/_admin/metrics");

    assertThat(metrics.header("content-type")).startsWith("text/plain");
    assertThat(metrics.text())
        .contains("pokeapi_double_requests_total{endpoint=\"pokemon\",status=\"200\"} 1.0")
        .contains("pokeapi_double_requests_total{endpoint=\"pokemon\",status=\"404\"} 1.0")
        .contains("pokeapi_double_requests_total{endpoint=\"type\",status=\"503\"} 1.0")
        .contains("pokeapi_double_faults_injected_total{endpoint=\"type\",fault=\"http_503\"} 1.0")
        .contains("pokeapi_double_data_resources 9.0");
  }

  @Test
  void reloadPicksUpAChangedFieldSoDriftCanBeProduced() throws IOException {
    Reply before = http.get("/api/v2/pokemon/25/");
    Path file = data.resolve("api/v2/pokemon/25/index.json");
    Files.writeString(file, Files.readString(file).replace("\"weight\": 60", "\"weight\": 61"));

    assertThat(http.get("/api/v2/pokemon/25/").json().get("weight").asInt()).isEqualTo(60);
    Reply reload = http.send("POST", "/_admin/reload", null);
    Reply after = http.get("/api/v2/pokemon/25/");

    assertThat(reload.status()).isEqualTo(200);
    assertThat(after.json().get("weight").asInt()).isEqualTo(61);
    assertThat(after.header("etag")).isNotEqualTo(before.header("etag"));
    assertThat(http.get("/api/v2/pokemon/25/", "If-None-Match", before.header("etag")).status())
        .isEqualTo(200);
  }

  @Test
  void reloadCanSwitchToAnotherDirectory() throws IOException {
    Path other = Fixtures.copyTo(temp.resolve("other"));
    Path meta = other.resolve("api/v2/meta/index.json");
    Files.writeString(meta, Files.readString(meta).replace("fixture0hash", "changed0hash"));

    Reply reload =
        http.send(
            "POST",
            "/_admin/reload",
            "{\"dataDir\": \"" + other.toString().replace("\\", "/") + "\"}");

    assertThat(reload.status()).isEqualTo(200);
    assertThat(http.get("/api/v2/pokemon/1/").header("x-pokeapi-hash")).startsWith("changed0hash");
  }

  @Test
  void aFailedReloadKeepsServingThePreviousData() {
    Reply reload =
        http.send("POST", "/_admin/reload", "{\"dataDir\": \"" + temp.resolve("missing") + "\"}");

    assertThat(reload.status()).isEqualTo(422);
    assertThat(reload.json().get("detail").asText()).contains("still serving the previous data");
    assertThat(http.get("/api/v2/pokemon/25/").status()).isEqualTo(200);
  }

  @Test
  void reloadIsAlsoAJavaCall() throws IOException {
    Path file = data.resolve("api/v2/type/1/index.json");
    Files.writeString(file, Files.readString(file).replace("\"normal\"", "\"ordinary\""));

    pokeApi.reload();

    assertThat(http.get("/api/v2/type/1/").json().get("name").asText()).isEqualTo("ordinary");
    assertThat(http.get("/api/v2/type/normal/").status()).isEqualTo(200);
  }
}
