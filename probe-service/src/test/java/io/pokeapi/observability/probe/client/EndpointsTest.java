package io.pokeapi.observability.probe.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.common.testsupport.PokeApiData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointsTest {

  @Test
  void theEndpointsAreThoseOfTheRootIndexBesidesMeta() {
    Path data = PokeApiData.requireDataDir();
    JsonNode root = PokeApiData.readJson(data.resolve("api/v2/index.json.gz"));
    List<String> names = new ArrayList<>();
    root.fieldNames().forEachRemaining(names::add);
    names.remove("meta");

    assertThat(Endpoints.ALL).containsExactlyInAnyOrderElementsOf(names).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @CsvSource({
    "pokemon/25/, pokemon",
    "Pokemon/PIKACHU, pokemon",
    "pokemon-species/133/, pokemon-species",
    "type/?offset=0&limit=20, type",
    "/api/v2/ability/65/, ability",
    "'', root",
    "/api/v2/, root",
    "meta/, meta",
    "not-an-endpoint/, unknown",
    "pokemon/25/encounters, pokemon",
  })
  void aPathIsCountedUnderItsEndpointNeverItsId(String path, String label) {
    assertThat(Endpoints.labelOf(path)).isEqualTo(label);
  }
}
