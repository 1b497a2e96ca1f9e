package io.pokeapi.observability.common.schema;

import static io.pokeapi.observability.common.schema.DriftFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The JSON Schema we emit: readable by people and standard tools, and read back exactly. */
class JsonSchemaFormatTest {

  private static final SchemaNode TWO_POKEMON =
      SchemaInferrer.infer(
          List.of(
              DriftFixtures.load("pokemon-bulbasaur.json"),
              DriftFixtures.load("pokemon-with-held-items.json")));

  @Test
  void writesADraft202012SchemaWithCountsAsAnnotations() {
    // The whole expected document, reviewed by hand: types with "null" for nullable places,
    // required = present in every object, additionalProperties false, items from all elements.
    assertThat(TWO_POKEMON.toJsonSchema())
        .isEqualTo(DriftFixtures.load("expected-schema-two-pokemon.json"));
  }

  @Test
  void aStandardValidatorAcceptsTheDocumentsAndRejectsDrift() {
    ObjectNode jsonSchema = TWO_POKEMON.toJsonSchema();
    ObjectNode bulbasaur = (ObjectNode) DriftFixtures.load("pokemon-bulbasaur.json");

    assertThat(StandardValidator.validate(jsonSchema, bulbasaur)).isEmpty();
    assertThat(messages(jsonSchema, bulbasaur.deepCopy().put("is_default", true)))
        .anyMatch(m -> m.contains("is_default"));
    assertThat(messages(jsonSchema, withoutField(bulbasaur, "weight")))
        .anyMatch(m -> m.contains("weight"));
    assertThat(messages(jsonSchema, bulbasaur.deepCopy().put("height", "7")))
        .anyMatch(m -> m.contains("height"));
    ObjectNode nullName = bulbasaur.deepCopy();
    nullName.putNull("name");
    assertThat(messages(jsonSchema, nullName)).anyMatch(m -> m.contains("name"));
  }

  @Test
  void readsBackWhatItWroteWhateverTheKeyOrder() {
    JsonNode stored = JsonTrees.shuffleKeys(TWO_POKEMON.toJsonSchema(), new Random(7));

    assertThat(SchemaNode.fromJsonSchema(stored)).isEqualTo(TWO_POKEMON);
    assertThat(SchemaNode.fromJsonSchema(SchemaNode.EMPTY.toJsonSchema()))
        .isEqualTo(SchemaNode.EMPTY);
  }

  @Test
  void rejectsASchemaWithoutCounts() {
    JsonNode handWritten =
        json(
            """
            {"type": "object", "properties": {"id": {"type": "integer"}}, "required": ["id"]}""");

    assertThatThrownBy(() -> SchemaNode.fromJsonSchema(handWritten))
        .isInstanceOf(SchemaFormatException.class)
        .hasMessageContaining("x-observations");
  }

  @Test
  void rejectsARequiredListThatContradictsTheCounts() {
    ObjectNode edited = TWO_POKEMON.toJsonSchema();
    ((ArrayNode) edited.get("required")).remove(0);

    assertThatThrownBy(() -> SchemaNode.fromJsonSchema(edited))
        .isInstanceOf(SchemaFormatException.class)
        .hasMessageContaining("abilities")
        .extracting(e -> ((SchemaFormatException) e).schemaPath())
        .isEqualTo("/required");
  }

  @Test
  void rejectsATypeThatContradictsTheCounts() {
    ObjectNode edited = TWO_POKEMON.toJsonSchema();
    ((ObjectNode) edited.at("/properties/base_experience")).put("type", "integer");

    assertThatThrownBy(() -> SchemaNode.fromJsonSchema(edited))
        .isInstanceOf(SchemaFormatException.class)
        .extracting(e -> ((SchemaFormatException) e).schemaPath())
        .isEqualTo("/properties/base_experience");
  }

  @Test
  void rejectsAPropertySeenMoreOftenThanItsParent() {
    ObjectNode edited = TWO_POKEMON.toJsonSchema();
    ((ObjectNode) edited.at("/properties/id/x-observations")).put("integer", 3);

    assertThatThrownBy(() -> SchemaNode.fromJsonSchema(edited))
        .isInstanceOf(SchemaFormatException.class)
        .hasMessageContaining("'id' seen 3 times in 2 objects");
  }

  private static Set<String> messages(JsonNode jsonSchema, JsonNode document) {
    Set<ValidationMessage> messages = StandardValidator.validate(jsonSchema, document);
    return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
  }

  private static ObjectNode withoutField(ObjectNode document, String field) {
    ObjectNode copy = document.deepCopy();
    copy.remove(field);
    return copy;
  }
}
