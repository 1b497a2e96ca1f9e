package io.pokeapi.observability.diff.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pokeapi.observability.common.schema.ChangeType;
import io.pokeapi.observability.common.schema.SchemaChange;
import io.pokeapi.observability.common.schema.SchemaInferrer;
import io.pokeapi.observability.common.schema.SchemaNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentDriftTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Two resources that differ: one has a null and an optional field the other lacks. */
  private final SchemaNode schema =
      SchemaInferrer.infer(
          List.of(
              json("{\"id\":1,\"base\":64,\"stats\":[{\"value\":45}],\"form\":\"a\"}"),
              json("{\"id\":2,\"base\":null,\"stats\":[{\"value\":49}]}")));

  @Test
  void aResourceShapedLikeTheOthersProvesNothing() {
    assertThat(DocumentDrift.check(schema, json("{\"id\":3,\"base\":null,\"stats\":[]}")))
        .isEmpty();
    assertThat(
            DocumentDrift.check(schema, json("{\"id\":4,\"base\":1,\"stats\":[],\"form\":\"b\"}")))
        .isEmpty();
  }

  @Test
  void aNewFieldIsProvedWithItsPath() {
    assertThat(
            DocumentDrift.check(
                schema, json("{\"id\":3,\"base\":1,\"stats\":[{\"value\":1,\"effort\":0}]}")))
        .extracting(SchemaChange::type, SchemaChange::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ChangeType.FIELD_ADDED, "/stats/*/effort"));
  }

  @Test
  void aTypeChangeIsProvedWithItsPath() {
    assertThat(DocumentDrift.check(schema, json("{\"id\":\"3\",\"base\":1,\"stats\":[]}")))
        .extracting(SchemaChange::type, SchemaChange::path)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeType.TYPE_CHANGED, "/id"));
  }

  @Test
  void aNullWhereThereNeverWasOneIsProved() {
    assertThat(
            DocumentDrift.check(schema, json("{\"id\":3,\"base\":1,\"stats\":[{\"value\":null}]}")))
        .extracting(SchemaChange::type, SchemaChange::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ChangeType.BECAME_NULLABLE, "/stats/*/value"));
  }

  @Test
  void aValueWhereOnlyNullWasEverSeenProvesNothing() {
    // a list swept as one page: next and previous were only ever null
    SchemaNode list =
        SchemaInferrer.infer(List.of(json("{\"count\":3,\"next\":null,\"previous\":null}")));

    assertThat(
            DocumentDrift.check(
                list, json("{\"count\":3,\"next\":\"http://x/?offset=2\",\"previous\":null}")))
        .isEmpty();
    // but a new type at a typed place still is drift
    assertThat(DocumentDrift.check(list, json("{\"count\":\"3\",\"next\":null,\"previous\":null}")))
        .extracting(SchemaChange::type, SchemaChange::path)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeType.TYPE_CHANGED, "/count"));
  }

  @Test
  void aFieldMissingFromOneDocumentIsLeftToTheSweep() {
    assertThat(DocumentDrift.check(schema, json("{\"id\":3,\"stats\":[]}"))).isEmpty();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
