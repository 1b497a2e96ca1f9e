package io.pokeapi.observability.diff.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pokeapi.observability.common.schema.ChangeType;
import io.pokeapi.observability.common.schema.SchemaInferrer;
import io.pokeapi.observability.common.schema.SchemaNode;
import io.pokeapi.observability.diff.storage.SchemaRepository;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SweepEvaluationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaNode baseline =
      schema("{\"id\":1,\"name\":\"a\",\"order\":1}", "{\"id\":2,\"name\":\"b\",\"order\":2}");

  @Test
  void aSweepWithTheSameShapeChangesNothing() {
    SchemaNode swept = schema("{\"id\":3,\"name\":\"c\",\"order\":5}");

    SweepEvaluation evaluation = SweepEvaluation.evaluate(baseline, baseline, swept, Set.of());

    assertThat(evaluation.changes()).isEmpty();
    assertThat(evaluation.advances()).isFalse();
  }

  @Test
  void aFieldGoneFromEveryDocumentIsRemovedOnce() {
    SchemaNode swept = schema("{\"id\":1,\"name\":\"a\"}", "{\"id\":2,\"name\":\"b\"}");

    SweepEvaluation evaluation = SweepEvaluation.evaluate(baseline, baseline, swept, Set.of());

    assertThat(evaluation.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.type()).isEqualTo(ChangeType.FIELD_REMOVED);
              assertThat(c.path()).isEqualTo("/order");
            });
    assertThat(evaluation.newSchema()).isEqualTo(swept);
  }

  @Test
  void aFieldMissingFromSomeDocumentsBecameOptional() {
    SchemaNode swept = schema("{\"id\":1,\"name\":\"a\"}", "{\"id\":2,\"name\":\"b\",\"order\":2}");

    SweepEvaluation evaluation = SweepEvaluation.evaluate(baseline, baseline, swept, Set.of());

    assertThat(evaluation.changes())
        .singleElement()
        .satisfies(c -> assertThat(c.type()).isEqualTo(ChangeType.BECAME_OPTIONAL));
  }

  @Test
  void changesADocumentAlreadyShowedAreNotRecordedAgainButTheSweepSettlesTheSchema() {
    SchemaNode current =
        baseline.merge(schema("{\"id\":3,\"name\":\"c\",\"order\":3,\"color\":\"red\"}"));
    SchemaNode swept =
        schema(
            "{\"id\":1,\"name\":\"a\",\"order\":1,\"color\":\"red\"}",
            "{\"id\":2,\"name\":\"b\",\"order\":2,\"color\":\"blue\"}");

    SweepEvaluation evaluation =
        SweepEvaluation.evaluate(
            baseline,
            current,
            swept,
            Set.of(SchemaRepository.changeKey(ChangeType.FIELD_ADDED.name(), "/color")));

    assertThat(evaluation.changes()).isEmpty();
    assertThat(evaluation.advances()).isTrue();
  }

  private static SchemaNode schema(String... documents) {
    return SchemaInferrer.infer(
        Arrays.stream(documents)
            .map(
                d -> {
                  try {
                    return JSON.readTree(d);
                  } catch (Exception e) {
                    throw new IllegalArgumentException(e);
                  }
                })
            .toList());
  }
}
