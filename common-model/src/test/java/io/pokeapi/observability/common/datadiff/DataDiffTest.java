package io.pokeapi.observability.common.datadiff;

import static io.pokeapi.observability.common.schema.DriftFixtures.json;
import static io.pokeapi.observability.common.schema.DriftFixtures.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pokeapi.observability.common.datadiff.DataChange.Op;
import org.junit.jupiter.api.Test;

/** Data diffs between two versions of one resource, on hand-written fixtures. */
class DataDiffTest {

  private static final JsonNode BULBASAUR = load("pokemon-bulbasaur.json");

  @Test
  void aChangedAndAnAddedFieldAreAReplaceAndAnAdd() {
    DataPatch patch = DataDiff.diff(BULBASAUR, load("pokemon-bulbasaur-v2-added-field.json"));

    assertThat(patch.operations())
        .containsExactlyInAnyOrder(
            new DataChange(Op.REPLACE, "/weight", json("69"), json("70")),
            new DataChange(Op.ADD, "/is_default", null, json("true")));
  }

  @Test
  void aRemovedFieldCarriesItsOldValue() {
    DataPatch patch = DataDiff.diff(BULBASAUR, load("pokemon-bulbasaur-v2-removed-field.json"));

    assertThat(patch.operations())
        .containsExactly(new DataChange(Op.REMOVE, "/weight", json("69"), null));
  }

  @Test
  void typeChangesAndANewNullAreReplaces() {
    DataPatch patch = DataDiff.diff(BULBASAUR, load("pokemon-bulbasaur-v2-type-changes.json"));

    assertThat(patch.operations())
        .containsExactlyInAnyOrder(
            new DataChange(Op.REPLACE, "/abilities/0/slot", json("1"), json("\"1\"")),
            new DataChange(Op.REPLACE, "/abilities/1/slot", json("3"), json("\"3\"")),
            new DataChange(Op.REPLACE, "/base_experience", json("64"), NullNode.getInstance()),
            new DataChange(Op.REPLACE, "/height", json("7"), json("7.5")));
  }

  @Test
  void aReorderedArrayStillGivesACorrectPatch() {
    ObjectNode reordered = BULBASAUR.deepCopy();
    reordered.set(
        "abilities",
        json("[" + BULBASAUR.at("/abilities/1") + "," + BULBASAUR.at("/abilities/0") + "]"));

    DataPatch patch = DataDiff.diff(BULBASAUR, reordered);

    assertThat(patch.apply(BULBASAUR)).isEqualTo(reordered);
    assertThat(patch.operations()).extracting(DataChange::op).doesNotContainNull().isNotEmpty();
  }

  @Test
  void pathsEscapeTildeAndSlash() {
    DataPatch patch =
        DataDiff.diff(json("{\"a/b\": {\"c~d\": 1}}"), json("{\"a/b\": {\"c~d\": 2}}"));

    assertThat(patch.operations()).extracting(DataChange::path).containsExactly("/a~1b/c~0d");
  }

  @Test
  void keysThatContainAnEscapeSequenceArePatchedExactly() {
    // zjsonpatch 0.4.16 applies "/~01" to the key "/" instead of "~1": DataPatch.apply must not
    JsonNode old = json("{\"~1\": 1, \"/\": 2, \"~0\": {\"~01\": 3}}");
    JsonNode neu = json("{\"/\": 2, \"~0\": {\"~01\": 4}, \"~1x\": 5}");

    DataPatch patch = DataDiff.diff(old, neu);

    assertThat(patch.operations())
        .extracting(DataChange::path)
        .containsExactlyInAnyOrder("/~01", "/~00/~001", "/~01x");
    assertThat(patch.apply(old)).isEqualTo(neu);
  }

  @Test
  void refusesAPatchThatDoesNotFitTheDocument() {
    DataPatch patch = DataDiff.diff(BULBASAUR, load("pokemon-bulbasaur-v2-removed-field.json"));

    assertThatThrownBy(() -> patch.apply(json("{\"id\": 1}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/weight");
  }

  @Test
  void writesAStandardJsonPatch() {
    DataPatch patch =
        DataDiff.diff(json("{\"a\": 1, \"b\": [1, 2]}"), json("{\"a\": 2, \"b\": [1]}"));

    assertThat(patch.toJsonPatch())
        .isEqualTo(
            json(
                """
                [{"op": "replace", "path": "/a", "value": 2},
                 {"op": "remove", "path": "/b/1"}]"""));
  }

  @Test
  void applyingLeavesTheInputUntouchedAndEqualVersionsGiveNoOperation() {
    JsonNode before = BULBASAUR.deepCopy();
    DataPatch patch = DataDiff.diff(BULBASAUR, load("pokemon-bulbasaur-v2-removed-field.json"));

    patch.apply(BULBASAUR);

    assertThat(BULBASAUR).isEqualTo(before);
    assertThat(DataDiff.diff(BULBASAUR, before).isEmpty()).isTrue();
  }

  @Test
  void aDifferentRootIsOneReplace() {
    assertThat(DataDiff.diff(json("{\"a\": 1}"), json("[1]")).operations())
        .containsExactly(new DataChange(Op.REPLACE, "", json("{\"a\": 1}"), json("[1]")));
  }
}
