package io.pokeapi.observability.common.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.testsupport.PokeApiData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every resource of the four fully present endpoints of the real data set validates. */
class ModelValidatorRealDataTest {

  private static final ModelValidator VALIDATOR = new ModelValidator();

  @AfterAll
  static void close() {
    VALIDATOR.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"pokemon", "pokemon-species", "ability", "type"})
  void everyResourceOfTheEndpointValidates(String endpoint) {
    Path dataDir = PokeApiData.requireDataDir();
    List<Path> files = PokeApiData.resourceFiles(dataDir, endpoint);
    List<String> failures = new ArrayList<>();
    int nullBaseExperience = 0;
    int nullFrontDefault = 0;

    for (Path file : files) {
      String body = new String(PokeApiData.readBytes(file), StandardCharsets.UTF_8);
      ValidationReport<PokeApiResource> report = VALIDATOR.validate(endpoint, body);
      if (!report.valid()) {
        failures.add(dataDir.relativize(file) + " -> " + report.summary());
      } else if (report.value() instanceof Pokemon pokemon) {
        nullBaseExperience += pokemon.baseExperience() == null ? 1 : 0;
        nullFrontDefault += pokemon.sprites().frontDefault() == null ? 1 : 0;
      }
    }

    System.out.printf(
        "%s: %d resources validated, %d invalid%n", endpoint, files.size(), failures.size());
    assertThat(files).isNotEmpty();
    assertThat(failures).as("invalid resources").isEmpty();
    if (endpoint.equals("pokemon")) {
      // the nullable paths were exercised by real resources, not only by fixtures
      assertThat(nullBaseExperience).isPositive();
      assertThat(nullFrontDefault).isPositive();
      System.out.printf(
          "pokemon: base_experience null in %d, sprites.front_default null in %d%n",
          nullBaseExperience, nullFrontDefault);
    }
  }
}
