package io.pokeapi.observability.probe.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import io.pokeapi.observability.common.contract.AssertionDetail;
import io.pokeapi.observability.common.testsupport.PokeApiData;
import io.pokeapi.observability.probe.client.ApiRequest;
import io.pokeapi.observability.probe.support.Fixtures;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContractSchemasTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eachAnswerMapsToItsPublishedSchema() {
    assertThat(ContractSchemas.schemaPathFor(ApiRequest.of("pokemon/25/")))
        .contains("pokemon/$id/index.json");
    assertThat(ContractSchemas.schemaPathFor(ApiRequest.of("Pokemon/PiKaChU")))
        .contains("pokemon/$id/index.json");
    assertThat(ContractSchemas.schemaPathFor(ApiRequest.page("type", 0, 20)))
        .contains("type/index.json");
    assertThat(ContractSchemas.schemaPathFor(ApiRequest.of("pokemon/25/encounters")))
        .contains("pokemon/$id/encounters/index.json");
    assertThat(ContractSchemas.schemaPathFor(ApiRequest.of(""))).contains("index.json");
    assertThat(ContractSchemas.schemaPathFor(ApiRequest.of("not-an-endpoint/"))).isEmpty();
  }

  @Test
  void aBodyThatKeepsTheContractIsValid() throws Exception {
    ContractSchemas schemas = new ContractSchemas(true, Fixtures.schemaDir().toString());
    JsonNode pikachu = JSON.readTree(Fixtures.body("pokemon/25").toFile());

    ContractSchemas.Verdict verdict =
        schemas.validate(ApiRequest.of("pokemon/25/"), pikachu).orElseThrow();

    assertThat(verdict.valid()).isTrue();
    assertThat(verdict.schema()).isEqualTo("pokemon/$id/index.json");
  }

  @Test
  void everyBreachIsReportedWithItsExactPath() throws Exception {
    ContractSchemas schemas = new ContractSchemas(true, Fixtures.schemaDir().toString());
    JsonNode item = JSON.readTree(Fixtures.body("item/1").toFile());

    ContractSchemas.Verdict verdict =
        schemas.validate(ApiRequest.of("item/1/"), item).orElseThrow();

    assertThat(verdict.valid()).isFalse();
    assertThat(verdict.violations())
        .extracting(AssertionDetail::path)
        .containsExactly("/attributes/1", "/fling_power");
    assertThat(verdict.violations().get(1).actual()).isEqualTo("\"ten\"");
  }

  @Test
  void referencesAreResolvedUnderTheConfiguredLocationGivenAsAUrl() throws Exception {
    String location = Fixtures.schemaDir().toUri().toString();
    ContractSchemas schemas = new ContractSchemas(true, location);
    JsonNode list =
        JSON.readTree(
            "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[{\"name\":\"x\"}]}");

    ContractSchemas.Verdict verdict = schemas.validate(ApiRequest.of("type/"), list).orElseThrow();

    assertThat(verdict.violations())
        .extracting(AssertionDetail::path)
        .containsExactly("/results/0");
  }

  @Test
  void theSchemasCanBeFetchedFromABaseUrlSuchAsTheApiDataRawFiles() throws Exception {
    HttpServer server =
        SimpleFileServer.createFileServer(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            Fixtures.schemaDir().toAbsolutePath(),
            SimpleFileServer.OutputLevel.NONE);
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      ContractSchemas schemas = new ContractSchemas(true, base);
      JsonNode item = JSON.readTree(Fixtures.body("item/1").toFile());

      assertThat(schemas.validate(ApiRequest.of("item/1/"), item).orElseThrow().violations())
          .extracting(AssertionDetail::path)
          .containsExactly("/attributes/1", "/fling_power");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aLocationWithoutTheSchemaSkipsTheCheckInsteadOfFailingIt() {
    ContractSchemas schemas = new ContractSchemas(true, Fixtures.schemaDir().toString());
    assertThat(schemas.validate(ApiRequest.of("machine/1/"), JSON.createObjectNode())).isEmpty();
    assertThat(
            new ContractSchemas(false, "/nowhere")
                .validate(ApiRequest.of("pokemon/1/"), JSON.createObjectNode()))
        .isEmpty();
  }

  @Test
  void theRealPublishedSchemasAcceptTheRealDataAndNameTheExactPathOfABreach() {
    Path data = PokeApiData.requireDataDir();
    ContractSchemas schemas = new ContractSchemas(true, data.resolve("schema/v2").toString());
    JsonNode pikachu = PokeApiData.readJson(data.resolve("api/v2/pokemon/25/index.json.gz"));
    JsonNode fire = PokeApiData.readJson(data.resolve("api/v2/type/10/index.json.gz"));

    assertThat(schemas.validate(ApiRequest.of("pokemon/25/"), pikachu).orElseThrow().valid())
        .isTrue();
    assertThat(schemas.validate(ApiRequest.of("type/10/"), fire).orElseThrow().valid()).isTrue();

    ObjectNode broken = pikachu.deepCopy();
    ((ObjectNode) broken.get("stats").get(0)).put("base_stat", "thirty-five");
    broken.remove("weight");
    ContractSchemas.Verdict verdict =
        schemas.validate(ApiRequest.of("pokemon/25/"), broken).orElseThrow();

    assertThat(verdict.violations())
        .extracting(AssertionDetail::path)
        .containsExactly("", "/stats/0/base_stat");
    assertThat(verdict.violations().get(0).message()).contains("weight");
  }
}
