package io.pokeapi.observability.common.schema;

import static io.pokeapi.observability.common.schema.DriftFixtures.json;
import static io.pokeapi.observability.common.schema.DriftFixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Schema diffs between two versions of an endpoint schema, and which of them break consumers. */
class SchemaDiffTest {

  private static final SchemaNode BULBASAUR = SchemaInferrer.infer(load("pokemon-bulbasaur.json"));

  @Test
  void aRemovedFieldIsBreaking() {
    SchemaNode after = SchemaInferrer.infer(load("pokemon-bulbasaur-v2-removed-field.json"));

    assertThat(SchemaDiff.diff(BULBASAUR, after))
        .containsExactly(
            new SchemaChange(ChangeType.FIELD_REMOVED, "/weight", "integer", null, true));
  }

  @Test
  void anAddedFieldIsNotBreaking() {
    SchemaNode after = SchemaInferrer.infer(load("pokemon-bulbasaur-v2-added-field.json"));

    assertThat(SchemaDiff.diff(BULBASAUR, after))
        .containsExactly(
            new SchemaChange(ChangeType.FIELD_ADDED, "/is_default", null, "boolean", false));
  }

  @Test
  void integerToNumberIsBreakingButNumberToIntegerIsNot() {
    SchemaNode integers = SchemaInferrer.infer(json("{\"height\": 7}"));
    SchemaNode decimals = SchemaInferrer.infer(json("{\"height\": 7.5}"));

    assertThat(SchemaDiff.diff(integers, decimals))
        .containsExactly(
            new SchemaChange(ChangeType.TYPE_CHANGED, "/height", "integer", "number", true));
    assertThat(SchemaDiff.diff(decimals, integers))
        .containsExactly(
            new SchemaChange(ChangeType.TYPE_CHANGED, "/height", "number", "integer", false));
  }

  @Test
  void dropingOneTypeOfAUnionIsNotBreakingAddingOneIs() {
    SchemaNode union = SchemaInferrer.infer(List.of(json("{\"v\": \"x\"}"), json("{\"v\": 1}")));
    SchemaNode strings = SchemaInferrer.infer(json("{\"v\": \"x\"}"));

    assertThat(SchemaDiff.diff(union, strings))
        .containsExactly(
            new SchemaChange(ChangeType.TYPE_CHANGED, "/v", "string|integer", "string", false));
    assertThat(SchemaDiff.diff(strings, union))
        .containsExactly(
            new SchemaChange(ChangeType.TYPE_CHANGED, "/v", "string", "string|integer", true));
  }

  @Test
  void nullabilityAndPresenceChangesBreakOnlyInTheLooseningDirection() {
    SchemaNode strict = SchemaInferrer.infer(List.of(json("{\"a\": 1, \"b\": 2}")));
    SchemaNode loose =
        SchemaInferrer.infer(List.of(json("{\"a\": null, \"b\": 2}"), json("{\"a\": 1}")));

    assertThat(SchemaDiff.diff(strict, loose))
        .containsExactly(
            new SchemaChange(ChangeType.BECAME_NULLABLE, "/a", "non-nullable", "nullable", true),
            new SchemaChange(ChangeType.BECAME_OPTIONAL, "/b", "required", "optional", true));
    assertThat(SchemaDiff.diff(loose, strict))
        .containsExactly(
            new SchemaChange(
                ChangeType.BECAME_NON_NULLABLE, "/a", "nullable", "non-nullable", false),
            new SchemaChange(ChangeType.BECAME_REQUIRED, "/b", "optional", "required", false));
  }

  @Test
  void arraysSeenOnlyEmptyAfterwardsLoseTheirElementSchemaWithoutBreaking() {
    SchemaNode withItems = SchemaInferrer.infer(load("pokemon-with-held-items.json"));
    SchemaNode emptyOnly = SchemaInferrer.infer(json("{\"held_items\": []}"));
    SchemaNode items = SchemaInferrer.infer(json("{\"held_items\": [{\"item\": 1}]}"));

    assertThat(SchemaDiff.diff(items, emptyOnly))
        .containsExactly(
            new SchemaChange(ChangeType.FIELD_REMOVED, "/held_items/*", "object", null, false));
    assertThat(SchemaDiff.diff(emptyOnly, items))
        .containsExactly(
            new SchemaChange(ChangeType.FIELD_ADDED, "/held_items/*", null, "object", false));
    assertThat(SchemaDiff.diff(withItems, withItems)).isEmpty();
  }

  @Test
  void countsAloneAreNoChange() {
    SchemaNode once = SchemaInferrer.infer(load("pokemon-bulbasaur.json"));
    SchemaNode twice = once.merge(once);

    assertThat(twice).isNotEqualTo(once);
    assertThat(SchemaDiff.diff(once, twice)).isEmpty();
    assertThat(SchemaDiff.sameShape(once, twice)).isTrue();
  }

  @Test
  void describesAChangeOnOneLine() {
    assertThat(
            new SchemaChange(ChangeType.FIELD_REMOVED, "/weight", "integer", null, true).describe())
        .isEqualTo("FIELD_REMOVED /weight: integer -> absent (breaking)");
  }
}
