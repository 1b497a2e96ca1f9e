package io.pokeapi.observability.diff.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pokeapi.observability.common.schema.SchemaInferrer;
import io.pokeapi.observability.common.schema.SchemaNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeFingerprintTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void documentsThatDifferOnlyInValuesAndArrayLengthsHaveOneShape() {
    assertThat(fingerprint("{\"id\":1,\"moves\":[{\"name\":\"a\"}]}"))
        .isEqualTo(fingerprint("{\"id\":2,\"moves\":[{\"name\":\"b\"},{\"name\":\"c\"}]}"));
  }

  @Test
  void aNewFieldATypeANullOrAMissingFieldMakeAnotherShape() {
    String base = fingerprint("{\"id\":1,\"moves\":[{\"name\":\"a\",\"level\":1}]}");
    assertThat(fingerprint("{\"id\":1,\"moves\":[{\"name\":\"a\",\"level\":1}],\"x\":1}"))
        .isNotEqualTo(base);
    assertThat(fingerprint("{\"id\":\"1\",\"moves\":[{\"name\":\"a\",\"level\":1}]}"))
        .isNotEqualTo(base);
    assertThat(fingerprint("{\"id\":null,\"moves\":[{\"name\":\"a\",\"level\":1}]}"))
        .isNotEqualTo(base);
    assertThat(fingerprint("{\"id\":1,\"moves\":[{\"name\":\"a\",\"level\":1},{\"name\":\"b\"}]}"))
        .isNotEqualTo(base);
  }

  @Test
  void mergingOneRepresentativePerShapeGivesTheShapeOfMergingEveryDocument() {
    List<String> documents =
        List.of(
            "{\"id\":1,\"moves\":[{\"name\":\"a\"}],\"base\":10}",
            "{\"id\":2,\"moves\":[{\"name\":\"b\"},{\"name\":\"c\"}],\"base\":12}",
            "{\"id\":3,\"moves\":[],\"base\":null}",
            "{\"id\":4,\"moves\":[{\"name\":\"d\",\"level\":3}]}");
    SchemaInferrer all = new SchemaInferrer();
    documents.forEach(d -> all.add(json(d)));
    SchemaInferrer representatives = new SchemaInferrer();
    documents.stream()
        .map(d -> SchemaInferrer.infer(json(d)))
        .collect(
            java.util.stream.Collectors.toMap(
                ShapeFingerprint::of, s -> s, (first, second) -> first))
        .values()
        .forEach(representatives::add);

    SchemaNode exact = all.schema();
    SchemaNode fromShapes = representatives.schema();
    assertThat(ShapeFingerprint.of(fromShapes)).isEqualTo(ShapeFingerprint.of(exact));
    assertThat(fromShapes.required()).isEqualTo(exact.required());
  }

  private static String fingerprint(String document) {
    return ShapeFingerprint.of(SchemaInferrer.infer(json(document)));
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
