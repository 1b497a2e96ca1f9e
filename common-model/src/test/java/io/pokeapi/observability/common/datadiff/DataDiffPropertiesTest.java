package io.pokeapi.observability.common.datadiff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.flipkart.zjsonpatch.JsonPatch;
import io.pokeapi.observability.common.schema.JsonArbitraries;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** Properties of the data diff on generated versions of documents. */
class DataDiffPropertiesTest {

  /**
   * Pairs of versions: mostly a document and a mutation of it (the realistic case, with reordered
   * arrays), sometimes two members of one family, sometimes two unrelated documents.
   */
  @Provide
  Arbitrary<Tuple2<JsonNode, JsonNode>> versions() {
    Arbitrary<JsonNode> documents =
        Arbitraries.oneOf(
            JsonArbitraries.families().map(family -> family.get(0)), JsonArbitraries.objects(3));
    Arbitrary<Tuple2<JsonNode, JsonNode>> mutated =
        Combinators.combine(documents, Arbitraries.longs())
            .as((doc, seed) -> Tuple.of(doc, JsonMutations.mutate(doc, new Random(seed))));
    Arbitrary<Tuple2<JsonNode, JsonNode>> family =
        JsonArbitraries.documentSetPairs()
            .filter(pair -> !pair.get1().isEmpty() && !pair.get2().isEmpty())
            .map(pair -> Tuple.of(pair.get1().get(0), pair.get2().get(0)));
    Arbitrary<Tuple2<JsonNode, JsonNode>> unrelated =
        Combinators.combine(JsonArbitraries.values(3), JsonArbitraries.values(3)).as(Tuple::of);
    return Arbitraries.frequencyOf(
        Tuple.of(6, mutated), Tuple.of(2, family), Tuple.of(1, unrelated));
  }

  @Property(tries = 500)
  void thePatchTurnsTheOldVersionIntoTheNewOne(
      @ForAll("versions") Tuple2<JsonNode, JsonNode> versions) {
    JsonNode old = versions.get1();
    JsonNode neu = versions.get2();
    JsonNode oldBefore = old.deepCopy();

    DataPatch patch = DataDiff.diff(old, neu);

    assertThat(patch.apply(old)).isEqualTo(neu);
    assertThat(patch.isEmpty()).isEqualTo(old.equals(neu));
    assertThat(old).as("inputs untouched").isEqualTo(oldBefore);
  }

  @Property(tries = 500)
  void everyOperationCarriesTheValuesBeforeAndAfterIt(
      @ForAll("versions") Tuple2<JsonNode, JsonNode> versions) {
    JsonNode current = versions.get1();

    for (DataChange change : DataDiff.diff(versions.get1(), versions.get2()).operations()) {
      if (change.op() != DataChange.Op.ADD) {
        assertThat(current.at(change.path()))
            .as("old value of %s", change)
            .isEqualTo(change.oldValue());
      }
      current = new DataPatch(List.of(change)).apply(current);
      if (change.op() != DataChange.Op.REMOVE) {
        assertThat(current.at(change.path()))
            .as("new value of %s", change)
            .isEqualTo(change.newValue());
      }
    }
    assertThat(current).isEqualTo(versions.get2());
  }

  @Property(tries = 200)
  void equalDocumentsHaveAnEmptyPatch(@ForAll("versions") Tuple2<JsonNode, JsonNode> versions) {
    assertThat(DataDiff.diff(versions.get1(), versions.get1().deepCopy()).operations()).isEmpty();
  }

  @Property(tries = 200)
  void theJsonPatchIsPlainRfc6902(@ForAll("versions") Tuple2<JsonNode, JsonNode> versions) {
    ArrayNode patch = DataDiff.diff(versions.get1(), versions.get2()).toJsonPatch();

    JsonPatch.validate(patch);
    for (JsonNode operation : patch) {
      List<String> members = new ArrayList<>();
      operation.fieldNames().forEachRemaining(members::add);
      String op = operation.get("op").asText();
      assertThat(op).isIn("add", "remove", "replace");
      assertThat(members)
          .containsExactlyElementsOf(
              op.equals("remove") ? List.of("op", "path") : List.of("op", "path", "value"));
    }
  }
}
