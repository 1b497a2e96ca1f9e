package io.pokeapi.observability.probe.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.probe.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The fixture the service tests run against must itself be valid, or they prove nothing. */
class FixtureModelsTest {

  @Test
  void everyFixtureBodyOfAModelledEndpointValidates() throws IOException {
    ModelValidation models = new ModelValidation();
    int checked = 0;
    for (String endpoint : List.of("pokemon", "pokemon-species", "type", "ability")) {
      try (Stream<Path> dirs = Files.list(Fixtures.dataDir().resolve("api/v2").resolve(endpoint))) {
        for (Path dir :
            dirs.filter(Files::isDirectory).filter(FixtureModelsTest::meantToBeValid).toList()) {
          String body = Files.readString(dir.resolve("index.json"));
          assertThat(models.validate(endpoint, body))
              .as(endpoint + "/" + dir.getFileName())
              .isEmpty();
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(20);
    models.close();
  }

  /** Ids from 900 to 999 are broken on purpose (for the failure tests). */
  private static boolean meantToBeValid(Path dir) {
    int id = Integer.parseInt(dir.getFileName().toString());
    return id < 900 || id > 999;
  }

  @Test
  void theDeliberatelyBrokenAbilityBreaksTheModelFieldByField() throws IOException {
    ModelValidation models = new ModelValidation();
    String body = Files.readString(Fixtures.body("ability/999"));
    assertThat(models.validate("ability", body))
        .extracting(p -> p.path())
        .contains("/name", "/is_main_series", "/generation");
    models.close();
  }

  @Test
  void aBodyThatBreaksTheModelIsReportedFieldByField() {
    ModelValidation models = new ModelValidation();
    var problems =
        models.validate(
            "ability", "{\"id\": -3, \"name\": \"Over Grow\", \"is_main_series\": \"yes\"}");
    assertThat(problems).extracting(p -> p.path()).contains("/id", "/name", "/is_main_series");
    models.close();
  }
}
