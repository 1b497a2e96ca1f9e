package io.pokeapi.observability.common.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.model.FieldError.Kind;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

class ModelValidatorPropertiesTest {

  private static final ModelValidator VALIDATOR = new ModelValidator();
  private static final String PIKACHU = ModelFixtures.text("pokemon-pikachu.json").strip();

  @AfterContainer
  static void close() {
    VALIDATOR.close();
  }

  @Property(tries = 300)
  void everyTruncationOfAValidBodyIsOneMalformedJsonError(
      @ForAll @IntRange(min = 1, max = 100_000) int cut) {
    String truncated = PIKACHU.substring(0, cut % PIKACHU.length());

    ValidationReport<PokeApiResource> report = VALIDATOR.validate("pokemon", truncated);

    assertThat(report.valid()).isFalse();
    assertThat(report.errors())
        .singleElement()
        .extracting(FieldError::kind)
        .isEqualTo(Kind.MALFORMED_JSON);
  }

  @Property(tries = 300)
  void anyTextGivesAReportAndNeverAnException(@ForAll String body) {
    ValidationReport<PokeApiResource> report = VALIDATOR.validate("type", body);

    assertThat(report.valid()).isFalse();
    assertThat(report.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.pointer()).isNotNull());
  }
}
