package io.pokeapi.observability.common.model;

import static io.pokeapi.observability.common.model.ModelFixtures.pikachu;
import static io.pokeapi.observability.common.model.ModelFixtures.remove;
import static io.pokeapi.observability.common.model.ModelFixtures.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pokeapi.observability.common.model.FieldError.Kind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelValidatorTest {

  private static final ModelValidator VALIDATOR = new ModelValidator();

  @AfterAll
  static void close() {
    VALIDATOR.close();
  }

  private static ValidationReport<PokeApiResource> pokemon(ObjectNode body) {
    return VALIDATOR.validate("pokemon", body.toString());
  }

  @Nested
  class ValidBodies {

    @ParameterizedTest
    @CsvSource({
      "pokemon, pokemon-pikachu.json, 25, pikachu",
      "pokemon-species, pokemon-species-pikachu.json, 25, pikachu",
      "ability, ability-static.json, 9, static",
      "type, type-electric.json, 13, electric"
    })
    void eachEndpointsFixtureMapsAndValidates(
        String endpoint, String fixture, int id, String name) {
      ValidationReport<PokeApiResource> report =
          VALIDATOR.validate(endpoint, ModelFixtures.text(fixture));

      assertThat(report.errors()).isEmpty();
      assertThat(report.valid()).isTrue();
      assertThat(report.value()).isInstanceOf(ModelValidator.modelType(endpoint));
      assertThat(report.value().id()).isEqualTo(id);
      assertThat(report.value().name()).isEqualTo(name);
    }

    @Test
    void mappedPokemonExposesTheFieldsAQaEngineerChecks() {
      Pokemon pikachu = (Pokemon) pokemon(pikachu()).value();

      assertThat(pikachu.baseExperience()).isEqualTo(112);
      assertThat(pikachu.types()).extracting(t -> t.type().name()).containsExactly("electric");
      assertThat(pikachu.stats()).extracting(s -> s.stat().name()).first().isEqualTo("hp");
      assertThat(pikachu.abilities())
          .extracting(a -> a.ability().name(), Pokemon.AbilitySlot::isHidden)
          .containsExactly(tuple("static", false), tuple("lightning-rod", true));
      assertThat(pikachu.sprites().frontDefault()).endsWith("/pokemon/25.png");
      assertThat(pikachu.sprites().other().officialArtwork().frontDefault())
          .contains("official-artwork");
      assertThat(pikachu.species().name()).isEqualTo("pikachu");
    }

    @Test
    void extraFieldsAnywhereAreAllowed() {
      ObjectNode body = pikachu();
      set(body, "/new_top_level_field", "{\"any\": [1, 2]}");
      set(body, "/abilities/0/ability/extra", "true");
      set(body, "/sprites/other/new-artwork", "{\"front_default\": null}");

      assertThat(pokemon(body).errors()).isEmpty();
    }

    @Test
    void nullsWhereTheDataHasThemAreAllowed() {
      ObjectNode body = pikachu();
      set(body, "/base_experience", "null");
      set(body, "/sprites/front_default", "null");
      set(body, "/sprites/other/official-artwork/front_default", "null");
      set(body, "/cries/legacy", "null");
      set(body, "/moves/0/version_group_details/0/order", "null");
      set(body, "/past_abilities/0/abilities/0/ability", "null");

      assertThat(pokemon(body).errors()).isEmpty();
    }

    @Test
    void nullableReferencesOfSpeciesAndTypeAreAllowed() {
      ObjectNode species = ModelFixtures.tree("pokemon-species-pikachu.json");
      set(species, "/evolves_from_species", "null");
      set(species, "/habitat", "null");
      ObjectNode type = ModelFixtures.tree("type-electric.json");
      set(type, "/move_damage_class", "null");

      assertThat(VALIDATOR.validate("pokemon-species", species.toString()).errors()).isEmpty();
      assertThat(VALIDATOR.validate("type", type.toString()).errors()).isEmpty();
    }

    @Test
    void idsBeyondTodaysRangesAreAccepted() {
      assertThat(pokemon(set(pikachu(), "/id", "1026")).errors()).isEmpty();
      assertThat(pokemon(set(pikachu(), "/id", "10327")).errors()).isEmpty();
    }

    @Test
    void absoluteUrlsOfTheLiveApiAreAccepted() {
      ObjectNode body = pikachu();
      set(body, "/species/url", "\"https://pokeapi.co/api/v2/pokemon-species/25/\"");
      set(body, "/location_area_encounters", "\"https://pokeapi.co/api/v2/pokemon/25/encounters\"");

      assertThat(pokemon(body).errors()).isEmpty();
    }
  }

  @Nested
  class ConstraintViolations {

    @Test
    void missingRequiredFieldIsReportedAtItsPointer() {
      ValidationReport<PokeApiResource> report = pokemon(remove(pikachu(), "/name"));

      assertThat(report.valid()).isFalse();
      assertThat(report.value()).isNull();
      assertThat(report.errors())
          .containsExactly(new FieldError("/name", "must not be null", Kind.CONSTRAINT));
    }

    @Test
    void nullRequiredObjectIsReported() {
      assertThat(pokemon(set(pikachu(), "/species", "null")).errors())
          .containsExactly(new FieldError("/species", "must not be null", Kind.CONSTRAINT));
    }

    @Test
    void nullListElementIsReportedAtItsIndex() {
      assertThat(pokemon(set(pikachu(), "/forms", "[null]")).pointers())
          .containsExactly("/forms/0");
    }

    @Test
    void namesMustBeLowerCaseKebab() {
      ObjectNode body = pikachu();
      set(body, "/name", "\"Pikachu\"");
      set(body, "/abilities/0/ability/name", "\"lightning rod\"");

      assertThat(pokemon(body).errors())
          .containsExactly(
              new FieldError(
                  "/abilities/0/ability/name",
                  ModelPatterns.REFERENCE_NAME_MESSAGE,
                  Kind.CONSTRAINT),
              new FieldError("/name", ModelPatterns.RESOURCE_NAME_MESSAGE, Kind.CONSTRAINT));
    }

    @Test
    void referenceUrlsMustPointAtAResourceById() {
      ObjectNode body = pikachu();
      set(body, "/species/url", "\"/api/v2/pokemon-species/pikachu/\"");
      set(body, "/sprites/other/official-artwork/front_default", "\"not a url\"");

      assertThat(pokemon(body).errors())
          .extracting(FieldError::pointer, FieldError::message)
          .containsExactly(
              tuple("/species/url", ModelPatterns.RESOURCE_URL_MESSAGE),
              tuple(
                  "/sprites/other/official-artwork/front_default",
                  ModelPatterns.MEDIA_URL_MESSAGE));
    }

    @Test
    void gameRulesOnNumbersAndCountsAreEnforced() {
      ObjectNode body = pikachu();
      set(body, "/id", "0");
      set(body, "/stats/0/base_stat", "0");
      set(body, "/stats/5/effort", "4");
      set(body, "/types", "[]");
      set(body, "/height", "-1");

      assertThat(pokemon(body).errors())
          .extracting(FieldError::pointer, FieldError::message)
          .containsExactly(
              tuple("/height", "must be greater than or equal to 0"),
              tuple("/id", "must be greater than 0"),
              tuple("/stats/0/base_stat", "must be greater than or equal to 1"),
              tuple("/stats/5/effort", "must be less than or equal to 3"),
              tuple("/types", "size must be between 1 and 2"));
    }

    @Test
    void speciesNeedsAVarietyAndAValidGenderRate() {
      ObjectNode species = ModelFixtures.tree("pokemon-species-pikachu.json");
      set(species, "/varieties", "[]");
      set(species, "/gender_rate", "9");

      assertThat(VALIDATOR.validate("pokemon-species", species.toString()).pointers())
          .containsExactly("/gender_rate", "/varieties");
    }
  }

  @Nested
  class TypeErrors {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "/id | \"25\" | expected integer but found string \"25\"",
          "/height | 4.5 | expected integer but found number 4.5",
          "/is_default | 1 | expected boolean but found integer 1",
          "/is_default | \"true\" | expected boolean but found string \"true\"",
          "/name | 25 | expected string but found integer 25",
          "/abilities | {} | expected array but found object",
          "/species | \"pikachu\" | expected object but found string \"pikachu\"",
          "/abilities/1/slot | \"three\" | expected integer but found string \"three\"",
          "/stats/2/stat/name | [] | expected string but found array",
          "/base_experience | \"\" | expected integer but found string \"\""
        })
    void wrongJsonTypeIsReportedAtItsPointerWithoutCoercion(
        String pointer, String value, String message) {
      assertThat(pokemon(set(pikachu(), pointer, value)).errors())
          .containsExactly(new FieldError(pointer, message, Kind.WRONG_TYPE));
    }

    @Test
    void integerOutOfRangeIsATypeError() {
      assertThat(pokemon(set(pikachu(), "/weight", "99999999999999999999")).errors())
          .containsExactly(
              new FieldError(
                  "/weight",
                  "expected an integer within int range but found integer 99999999999999999999",
                  Kind.WRONG_TYPE));
    }

    @Test
    void rawJsonPartsMustStillBeObjects() {
      ObjectNode type = ModelFixtures.tree("type-electric.json");
      set(type, "/sprites", "\"none\"");
      ObjectNode body = pikachu();
      set(body, "/sprites/versions", "null");

      assertThat(VALIDATOR.validate("type", type.toString()).errors())
          .containsExactly(
              new FieldError(
                  "/sprites", "expected object but found string \"none\"", Kind.WRONG_TYPE));
      assertThat(pokemon(body).errors())
          .containsExactly(
              new FieldError("/sprites/versions", "must not be null", Kind.CONSTRAINT));
    }

    @Test
    void documentThatIsNotAnObjectIsOneTypeErrorAtTheRoot() {
      assertThat(VALIDATOR.validate("type", "[1, 2]").errors())
          .containsExactly(new FieldError("", "expected object but found array", Kind.WRONG_TYPE));
    }
  }

  @Test
  void everyProblemIsReportedAtOnceTypeErrorsAndViolationsAlike() {
    ObjectNode body = pikachu();
    set(body, "/id", "\"25\"");
    set(body, "/height", "true");
    remove(body, "/weight");
    set(body, "/abilities/0/ability/name", "\"Static\"");
    set(body, "/abilities/1/is_hidden", "\"yes\"");
    set(body, "/stats/3/base_stat", "256");
    set(body, "/types/0/type", "null");
    set(body, "/moves/1/version_group_details/0/level_learned_at", "{}");
    set(body, "/sprites/front_shiny", "42");

    ValidationReport<PokeApiResource> report = pokemon(body);

    assertThat(report.errors())
        .extracting(FieldError::pointer, FieldError::kind)
        .containsExactly(
            tuple("/abilities/0/ability/name", Kind.CONSTRAINT),
            tuple("/abilities/1/is_hidden", Kind.WRONG_TYPE),
            tuple("/height", Kind.WRONG_TYPE),
            tuple("/id", Kind.WRONG_TYPE),
            tuple("/moves/1/version_group_details/0/level_learned_at", Kind.WRONG_TYPE),
            tuple("/sprites/front_shiny", Kind.WRONG_TYPE),
            tuple("/stats/3/base_stat", Kind.CONSTRAINT),
            tuple("/types/0/type", Kind.CONSTRAINT),
            tuple("/weight", Kind.CONSTRAINT));
    assertThat(report.summary())
        .startsWith("pokemon: 9 problem(s)")
        .contains("/weight: must not be null");
  }

  @Test
  void afterTooManyTypeErrorsValidationStopsAndSaysSo() {
    ObjectNode body = pikachu();
    StringBuilder forms = new StringBuilder("[");
    for (int i = 0; i < ModelValidator.MAX_TYPE_ERRORS + 20; i++) {
      forms.append(i == 0 ? "" : ",").append(i);
    }
    set(body, "/forms", forms.append("]").toString());

    ValidationReport<PokeApiResource> report = pokemon(body);

    assertThat(report.errors()).hasSize(ModelValidator.MAX_TYPE_ERRORS + 1);
    assertThat(report.errors())
        .first()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.INCOMPLETE));
    assertThat(report.pointers()).contains("/forms/0", "/forms/99");
  }

  @Nested
  class MalformedBodies {

    @Test
    void truncatedBodyIsReportedWhereParsingStopped() {
      String text = ModelFixtures.text("pokemon-pikachu.json");
      String truncated = text.substring(0, text.indexOf("\"is_hidden\"") + 15);

      ValidationReport<PokeApiResource> report = VALIDATOR.validate("pokemon", truncated);

      assertThat(report.errors())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.kind()).isEqualTo(Kind.MALFORMED_JSON);
                assertThat(e.pointer()).isEqualTo("/abilities/0/is_hidden");
                assertThat(e.message()).startsWith("malformed JSON: ").contains("line ");
              });
    }

    @Test
    void notFoundTextIsMalformedJson() {
      assertThat(VALIDATOR.validate("pokemon", "Not Found").errors())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.kind()).isEqualTo(Kind.MALFORMED_JSON);
                assertThat(e.pointer()).isEmpty();
                assertThat(e.message()).contains("Not");
              });
    }

    @Test
    void emptyAndNullBodiesAreMalformed() {
      for (String body : new String[] {null, "", "  \n"}) {
        assertThat(VALIDATOR.validate("pokemon", body).errors())
            .containsExactly(
                new FieldError("", "empty body, expected a JSON object", Kind.MALFORMED_JSON));
      }
    }

    @Test
    void trailingContentAndDuplicateKeysAreMalformed() {
      String valid = ModelFixtures.text("type-electric.json");
      assertThat(VALIDATOR.validate("type", valid + " {}").errors())
          .extracting(FieldError::kind)
          .containsExactly(Kind.MALFORMED_JSON);
      assertThat(VALIDATOR.validate("type", "{\"id\": 1, \"id\": 2}").errors())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.kind()).isEqualTo(Kind.MALFORMED_JSON);
                assertThat(e.message()).contains("Duplicate field 'id'");
              });
    }

    @Test
    void theBytesReceivedGetTheVerdictOfTheirText() {
      String valid = ModelFixtures.text("type-electric.json");
      String duplicated = valid.replaceFirst("\\{", "{\"id\": 0, ");
      for (String body :
          new String[] {valid, valid + " {}", duplicated, "{\"id\": 1, \"id\": 2}", "{", "  {}"}) {
        assertThat(VALIDATOR.validate("type", body.getBytes(StandardCharsets.UTF_8)).errors())
            .as(body)
            .isEqualTo(VALIDATOR.validate("type", body).errors());
      }
      assertThat(VALIDATOR.validate("type", valid.getBytes(StandardCharsets.UTF_8)).valid())
          .isTrue();
      assertThat(VALIDATOR.validate("type", (byte[]) null).errors())
          .extracting(FieldError::kind)
          .containsExactly(Kind.MALFORMED_JSON);
    }
  }

  @Test
  void endpointWithoutAModelIsReportedNotThrown() {
    ValidationReport<PokeApiResource> report = VALIDATOR.validate("berry", "{}");

    assertThat(report.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.INCOMPLETE);
              assertThat(e.message()).contains("berry").contains("pokemon-species");
            });
    assertThat(ModelValidator.endpoints())
        .containsExactly("pokemon", "pokemon-species", "ability", "type");
  }

  @Test
  void typedValidationReturnsTheModelClass() {
    ValidationReport<Ability> report =
        VALIDATOR.validate("ability", ModelFixtures.text("ability-static.json"), Ability.class);
    assertThat(report.value().isMainSeries()).isTrue();
    assertThat(report.value().effectEntries()).isNotEmpty();
  }
}
