package io.pokeapi.observability.common.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;

/** Properties of inference, JSON Schema output, schema diff and conformance, on generated JSON. */
class SchemaPropertiesTest {

  @Provide
  Arbitrary<List<JsonNode>> documentSets() {
    return JsonArbitraries.documentSets();
  }

  @Provide
  Arbitrary<Tuple2<List<JsonNode>, List<JsonNode>>> documentSetPairs() {
    return JsonArbitraries.documentSetPairs();
  }

  @Provide
  Arbitrary<Tuple2<List<JsonNode>, JsonNode>> documentSetAndCandidate() {
    return JsonArbitraries.documentSetAndCandidate();
  }

  @Property(tries = 300)
  void inferenceDoesNotDependOnDocumentOrder(
      @ForAll("documentSets") List<JsonNode> documents, @ForAll long seed) {
    List<JsonNode> shuffled = new ArrayList<>(documents);
    Collections.shuffle(shuffled, new Random(seed));

    SchemaNode inOrder = SchemaInferrer.infer(documents);
    SchemaNode reordered = SchemaInferrer.infer(shuffled);

    assertThat(reordered).isEqualTo(inOrder);
    assertThat(reordered.toJsonSchema()).isEqualTo(inOrder.toJsonSchema());
  }

  @Property(tries = 300)
  void everyDocumentConformsToTheSchemaInferredFromIt(
      @ForAll("documentSets") List<JsonNode> documents) {
    SchemaNode schema = SchemaInferrer.infer(documents);
    var validator = StandardValidator.compile(schema.toJsonSchema());

    for (JsonNode document : documents) {
      assertThat(SchemaConformance.check(schema, document)).as("drift of %s", document).isEmpty();
      assertThat(validator.validate(document)).as("networknt on %s", document).isEmpty();
    }
  }

  @Property(tries = 300)
  void conformanceReportsWhatMergingTheDocumentWouldChange(
      @ForAll("documentSetAndCandidate") Tuple2<List<JsonNode>, JsonNode> input) {
    SchemaNode schema = SchemaInferrer.infer(input.get1());
    JsonNode candidate = input.get2();
    List<JsonNode> withCandidate = new ArrayList<>(input.get1());
    withCandidate.add(candidate);

    List<SchemaChange> changes = SchemaConformance.check(schema, candidate);
    // the generators must give both outcomes often enough for the property to mean something
    Statistics.label("conforms").collect(changes.isEmpty());
    Statistics.label("conforms")
        .coverage(
            coverage -> {
              coverage.check(true).percentage(p -> p > 5);
              coverage.check(false).percentage(p -> p > 5);
            });

    assertThat(changes)
        .isEqualTo(SchemaDiff.diff(schema, SchemaInferrer.infer(withCandidate)))
        .doesNotHaveDuplicates();
    assertThat(SchemaConformance.conforms(schema, candidate)).isEqualTo(changes.isEmpty());
  }

  @Property(tries = 300)
  void conformanceIsAtLeastAsStrictAsAStandardValidator(
      @ForAll("documentSetAndCandidate") Tuple2<List<JsonNode>, JsonNode> input) {
    SchemaNode schema = SchemaInferrer.infer(input.get1());
    JsonNode candidate = input.get2();

    boolean conforms = SchemaConformance.check(schema, candidate).isEmpty();
    boolean valid = StandardValidator.validate(schema.toJsonSchema(), candidate).isEmpty();

    // The only documents networknt accepts and we flag: decimals with no fraction (2.0) where
    // only integers were seen, and elements in arrays whose element schema is still unknown.
    if (conforms) {
      assertThat(valid).as("networknt accepts what conforms").isTrue();
    }
  }

  @Property(tries = 300)
  void diffOfASchemaWithItselfIsEmpty(@ForAll("documentSets") List<JsonNode> documents) {
    SchemaNode schema = SchemaInferrer.infer(documents);

    assertThat(SchemaDiff.diff(schema, schema)).isEmpty();
    assertThat(SchemaDiff.diff(schema, SchemaNode.fromJsonSchema(schema.toJsonSchema()))).isEmpty();
  }

  @Property(tries = 300)
  void diffOfBAndAMirrorsDiffOfAAndB(
      @ForAll("documentSetPairs") Tuple2<List<JsonNode>, List<JsonNode>> pair) {
    SchemaNode a = SchemaInferrer.infer(pair.get1());
    SchemaNode b = SchemaInferrer.infer(pair.get2());

    List<SchemaChange> forward = SchemaDiff.diff(a, b);
    List<SchemaChange> backward = SchemaDiff.diff(b, a);
    Statistics.label("schemas differ").collect(!forward.isEmpty());
    Statistics.label("schemas differ")
        .coverage(coverage -> coverage.check(true).percentage(p -> p > 50));

    assertThat(withoutBreakingFlag(backward))
        .containsExactlyInAnyOrderElementsOf(
            forward.stream()
                .map(
                    c ->
                        new SchemaChange(
                            c.type().mirror(), c.path(), c.newValue(), c.oldValue(), false))
                .toList());
  }

  @Property(tries = 300)
  void mergingOnlyWidensASchema(
      @ForAll("documentSetPairs") Tuple2<List<JsonNode>, List<JsonNode>> pair) {
    SchemaNode a = SchemaInferrer.infer(pair.get1());
    SchemaNode merged = a.merge(SchemaInferrer.infer(pair.get2()));

    Set<ChangeType> widening =
        EnumSet.of(
            ChangeType.FIELD_ADDED,
            ChangeType.TYPE_CHANGED,
            ChangeType.BECAME_NULLABLE,
            ChangeType.BECAME_OPTIONAL);
    assertThat(SchemaDiff.diff(a, merged))
        .allSatisfy(change -> assertThat(widening).contains(change.type()));
  }

  @Property(tries = 300)
  void mergeOfInferredSchemasEqualsInferenceOfTheUnion(
      @ForAll("documentSetPairs") Tuple2<List<JsonNode>, List<JsonNode>> pair) {
    List<JsonNode> union = new ArrayList<>(pair.get1());
    union.addAll(pair.get2());
    SchemaNode a = SchemaInferrer.infer(pair.get1());
    SchemaNode b = SchemaInferrer.infer(pair.get2());

    assertThat(a.merge(b)).isEqualTo(SchemaInferrer.infer(union));
    assertThat(b.merge(a)).isEqualTo(SchemaInferrer.infer(union));
    assertThat(new SchemaInferrer(a).add(b).schema()).isEqualTo(SchemaInferrer.infer(union));
  }

  @Property(tries = 300)
  void jsonSchemaRoundTripGivesTheSameSchema(
      @ForAll("documentSets") List<JsonNode> documents, @ForAll long seed) throws Exception {
    SchemaNode schema = SchemaInferrer.infer(documents);
    ObjectNode jsonSchema = schema.toJsonSchema();

    assertThat(SchemaNode.fromJsonSchema(jsonSchema)).isEqualTo(schema);
    // as stored in PostgreSQL jsonb: serialized, keys reordered, parsed again
    String stored =
        DriftFixtures.MAPPER.writeValueAsString(
            JsonTrees.shuffleKeys(jsonSchema, new Random(seed)));
    assertThat(SchemaNode.fromJsonSchema(DriftFixtures.MAPPER.readTree(stored))).isEqualTo(schema);
  }

  private static List<SchemaChange> withoutBreakingFlag(List<SchemaChange> changes) {
    return changes.stream()
        .map(c -> new SchemaChange(c.type(), c.path(), c.oldValue(), c.newValue(), false))
        .collect(Collectors.toList());
  }
}
