package io.pokeapi.observability.common.schema;

import static io.pokeapi.observability.common.schema.DriftFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaInferrerTest {

  @Test
  void mergesEveryArrayElementNotOnlyTheFirst() {
    SchemaNode schema =
        SchemaInferrer.infer(
            json(
                """
                {"abilities": [{"slot": 1}, {"slot": 3, "is_hidden": true}, {"slot": 2.5}]}"""));

    SchemaNode ability = schema.properties().get("abilities").items().orElseThrow();
    assertThat(ability.properties()).containsOnlyKeys("slot", "is_hidden");
    assertThat(ability.required()).containsExactly("slot");
    assertThat(ability.properties().get("slot").types()).containsExactly(SchemaType.NUMBER);
    assertThat(ability.observations().count(ValueKind.OBJECT)).isEqualTo(3);
  }

  @Test
  void nullIsNullabilityNotAType() {
    SchemaNode schema =
        SchemaInferrer.infer(
            List.of(json("{\"base_experience\": 64}"), json("{\"base_experience\": null}")));

    SchemaNode baseExperience = schema.properties().get("base_experience");
    assertThat(baseExperience.types()).containsExactly(SchemaType.INTEGER);
    assertThat(baseExperience.nullable()).isTrue();
    assertThat(schema.isRequired("base_experience")).as("present though null").isTrue();
  }

  @Test
  void aPlaceOnlyEverNullHasNoTypeButIsNullable() {
    SchemaNode schema = SchemaInferrer.infer(json("{\"back_female\": null}"));

    assertThat(schema.properties().get("back_female").types()).isEmpty();
    assertThat(schema.properties().get("back_female").nullable()).isTrue();
  }

  @Test
  void aKeyAbsentFromSomeObjectsIsOptionalCountedRelativeToItsParent() {
    SchemaNode schema =
        SchemaInferrer.infer(
            List.of(
                json("{\"sprites\": {\"other\": {\"home\": 1, \"dream\": 2}}}"),
                json("{\"sprites\": {\"other\": {\"home\": 3, \"dream\": 4}}}"),
                json("{\"sprites\": {\"other\": {\"home\": 5}}}"),
                json("{\"sprites\": {}}")));

    SchemaNode sprites = schema.properties().get("sprites");
    assertThat(schema.required()).containsExactly("sprites");
    assertThat(sprites.required()).isEmpty();
    SchemaNode other = sprites.properties().get("other");
    assertThat(other.required()).as("home is in all 3 'other' objects").containsExactly("home");
    assertThat(other.properties()).containsOnlyKeys("dream", "home");
  }

  @Test
  void integersStayIntegersUntilADecimalIsSeen() {
    SchemaNode integers = SchemaInferrer.infer(List.of(json("{\"h\": 7}"), json("{\"h\": 8}")));
    SchemaNode mixed = SchemaInferrer.infer(List.of(json("{\"h\": 7}"), json("{\"h\": 7.5}")));
    SchemaNode integralDecimal = SchemaInferrer.infer(json("{\"h\": 7.0}"));

    assertThat(integers.properties().get("h").types()).containsExactly(SchemaType.INTEGER);
    assertThat(mixed.properties().get("h").types()).containsExactly(SchemaType.NUMBER);
    assertThat(mixed.properties().get("h").observations().asMap())
        .isEqualTo(Map.of(ValueKind.INTEGER, 1L, ValueKind.DECIMAL, 1L));
    assertThat(integralDecimal.properties().get("h").types()).containsExactly(SchemaType.NUMBER);
  }

  @Test
  void anArrayOnlySeenEmptyHasUnknownItems() {
    SchemaNode schema = SchemaInferrer.infer(json("{\"held_items\": []}"));

    assertThat(schema.properties().get("held_items").types()).containsExactly(SchemaType.ARRAY);
    assertThat(schema.properties().get("held_items").items()).isEmpty();
  }

  @Test
  void keepsEveryTypeSeenAtOnePlace() {
    SchemaNode schema =
        SchemaInferrer.infer(
            List.of(json("{\"v\": {\"a\": 1}}"), json("{\"v\": \"x\"}"), json("{\"v\": [true]}")));

    assertThat(schema.properties().get("v").types())
        .isEqualTo(Set.of(SchemaType.OBJECT, SchemaType.STRING, SchemaType.ARRAY));
  }

  @Test
  void continuesFromAStoredSchemaAsIfItHadSeenItsDocuments() {
    SchemaNode first = SchemaInferrer.infer(DriftFixtures.load("pokemon-bulbasaur.json"));

    SchemaInferrer resumed = new SchemaInferrer(SchemaNode.fromJsonSchema(first.toJsonSchema()));
    resumed.add(DriftFixtures.load("pokemon-with-held-items.json"));

    assertThat(resumed.documentCount()).isEqualTo(2);
    assertThat(resumed.schema())
        .isEqualTo(
            SchemaInferrer.infer(
                List.of(
                    DriftFixtures.load("pokemon-bulbasaur.json"),
                    DriftFixtures.load("pokemon-with-held-items.json"))));
  }

  @Test
  void snapshotsDoNotChangeWhenMoreDocumentsArrive() {
    SchemaInferrer inferrer = new SchemaInferrer().add(json("{\"a\": 1}"));
    SchemaNode snapshot = inferrer.schema();

    inferrer.add(json("{\"b\": 1}"));

    assertThat(snapshot.properties()).containsOnlyKeys("a");
    assertThat(inferrer.schema().properties()).containsOnlyKeys("a", "b");
  }

  @Test
  void rejectsANodeThatIsNoJsonValue() {
    assertThatThrownBy(() -> SchemaInferrer.infer(MissingNode.getInstance()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
