package io.pokeapi.observability.common.schema;

import static io.pokeapi.observability.common.schema.DriftFixtures.json;
import static io.pokeapi.observability.common.schema.DriftFixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drift check of one response against its endpoint schema, on hand-written fixtures. */
class SchemaConformanceTest {

  private static final JsonNode BULBASAUR = load("pokemon-bulbasaur.json");
  private static final JsonNode WITH_HELD_ITEMS = load("pokemon-with-held-items.json");
  private static final SchemaNode POKEMON =
      SchemaInferrer.infer(List.of(BULBASAUR, WITH_HELD_ITEMS));

  @Test
  void twoDifferentResourcesOfAnEndpointNeverDriftAgainstTheSchemaOfBoth() {
    // one has held_items empty, a number base_experience and a sprite; the other has held
    // items, a null base_experience and a null sprite
    assertThat(SchemaConformance.check(POKEMON, BULBASAUR)).isEmpty();
    assertThat(SchemaConformance.check(POKEMON, WITH_HELD_ITEMS)).isEmpty();
  }

  @Test
  void aChangedValueIsNoSchemaDrift() {
    JsonNode heavier = ((ObjectNode) BULBASAUR.deepCopy()).put("weight", 70);

    assertThat(SchemaConformance.check(POKEMON, heavier)).isEmpty();
  }

  @Test
  void anAddedFieldIsReportedAsNotBreaking() {
    assertThat(SchemaConformance.check(POKEMON, load("pokemon-bulbasaur-v2-added-field.json")))
        .containsExactly(
            new SchemaChange(ChangeType.FIELD_ADDED, "/is_default", null, "boolean", false));
  }

  @Test
  void aMissingRequiredFieldIsReportedAsBreaking() {
    assertThat(SchemaConformance.check(POKEMON, load("pokemon-bulbasaur-v2-removed-field.json")))
        .containsExactly(
            new SchemaChange(ChangeType.BECAME_OPTIONAL, "/weight", "required", "optional", true));
  }

  @Test
  void typeChangesAreReportedWithTheirPaths() {
    assertThat(SchemaConformance.check(POKEMON, load("pokemon-bulbasaur-v2-type-changes.json")))
        .containsExactly(
            new SchemaChange(
                ChangeType.TYPE_CHANGED, "/abilities/*/slot", "integer", "string|integer", true),
            new SchemaChange(ChangeType.TYPE_CHANGED, "/height", "integer", "number", true));
  }

  @Test
  void aValueBecomingNullIsBreaking() {
    SchemaNode bulbasaurOnly = SchemaInferrer.infer(BULBASAUR);

    assertThat(
            SchemaConformance.check(bulbasaurOnly, load("pokemon-bulbasaur-v2-type-changes.json")))
        .contains(
            new SchemaChange(
                ChangeType.BECAME_NULLABLE, "/base_experience", "non-nullable", "nullable", true));
  }

  @Test
  void elementsInAnArrayOnlySeenEmptyAreANewButNotBreakingField() {
    SchemaNode bulbasaurOnly = SchemaInferrer.infer(BULBASAUR);

    assertThat(SchemaConformance.check(bulbasaurOnly, WITH_HELD_ITEMS))
        .containsExactly(
            new SchemaChange(
                ChangeType.BECAME_NULLABLE, "/base_experience", "non-nullable", "nullable", true),
            new SchemaChange(ChangeType.FIELD_ADDED, "/held_items/*", null, "object", false),
            new SchemaChange(
                ChangeType.BECAME_NULLABLE,
                "/sprites/front_default",
                "non-nullable",
                "nullable",
                true));
  }

  @Test
  void aValueWhereOnlyNullWasSeenIsANonBreakingTypeChange() {
    assertThat(
            SchemaConformance.check(
                POKEMON,
                ((ObjectNode) BULBASAUR.deepCopy())
                    .set("sprites", json("{\"back_female\": \"f.png\", \"front_default\": null}"))))
        .containsExactly(
            new SchemaChange(
                ChangeType.TYPE_CHANGED, "/sprites/back_female", "null", "string", false));
  }

  @Test
  void pathsEscapeTildeAndSlashAsRfc6901Says() {
    SchemaNode schema = SchemaInferrer.infer(json("{\"a/b\": {\"c~d\": 1}}"));

    assertThat(SchemaConformance.check(schema, json("{\"a/b\": {\"c~d\": \"1\"}}")))
        .extracting(SchemaChange::path)
        .containsExactly("/a~1b/c~0d");
  }

  @Test
  void aWholeDocumentOfAnotherTypeIsOneChangeAtTheRoot() {
    assertThat(SchemaConformance.check(POKEMON, json("[]")))
        .containsExactly(
            new SchemaChange(ChangeType.TYPE_CHANGED, "", "object", "object|array", true));
  }
}
