package io.pokeapi.observability.common.datadiff;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonDiff;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * The data diff between two versions of one resource, computed by zjsonpatch. Stateless and
 * thread-safe.
 *
 * <p>The patch uses only {@code add}, {@code remove} and {@code replace}: {@code move} and {@code
 * copy} are turned off because they carry no old value and make a report harder to read. Arrays are
 * compared by their longest common subsequence, so a reordered or partly changed array gives
 * removes and adds at the indices where the elements moved, and the patch still turns the old
 * version into the new one. Values compare as Jackson does: {@code 1} and {@code 1.0} differ.
 */
public final class DataDiff {

  private static final EnumSet<DiffFlags> FLAGS =
      EnumSet.of(
          DiffFlags.OMIT_MOVE_OPERATION,
          DiffFlags.OMIT_COPY_OPERATION,
          DiffFlags.ADD_ORIGINAL_VALUE_ON_REPLACE);

  private DataDiff() {}

  /** The patch that turns {@code oldVersion} into {@code newVersion}; empty when they are equal. */
  public static DataPatch diff(JsonNode oldVersion, JsonNode newVersion) {
    Objects.requireNonNull(oldVersion, "oldVersion");
    Objects.requireNonNull(newVersion, "newVersion");
    JsonNode patch = JsonDiff.asJson(oldVersion, newVersion, FLAGS);
    List<DataChange> changes = new ArrayList<>(patch.size());
    for (JsonNode operation : patch) {
      DataChange.Op op = DataChange.Op.byRfcName(operation.get("op").asText());
      String path = operation.get("path").asText();
      JsonNode oldValue =
          switch (op) {
            case ADD -> null;
            case REMOVE -> operation.get("value");
            case REPLACE -> operation.get("fromValue");
          };
      JsonNode newValue = op == DataChange.Op.REMOVE ? null : operation.get("value");
      changes.add(
          new DataChange(
              op,
              path,
              oldValue == null ? null : oldValue.deepCopy(),
              newValue == null ? null : newValue.deepCopy()));
    }
    return new DataPatch(changes);
  }
}
