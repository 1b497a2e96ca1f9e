package io.pokeapi.observability.probe.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonDiff;
import io.pokeapi.observability.common.contract.AssertionDetail;
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.probe.run.CheckFailed;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Compares two bodies that must be the same, naming the paths where they differ. */
final class JsonCompare {

  /** Differences reported per comparison. */
  static final int MAX_DETAILS = 20;

  private JsonCompare() {}

  /** Fails with every differing path (up to {@link #MAX_DETAILS}) unless the bodies are equal. */
  static void same(JsonNode expected, JsonNode actual, String what) {
    if (expected.equals(actual)) {
      return;
    }
    JsonNode patch =
        JsonDiff.asJson(
            expected,
            actual,
            EnumSet.of(DiffFlags.OMIT_MOVE_OPERATION, DiffFlags.OMIT_COPY_OPERATION));
    List<AssertionDetail> details = new ArrayList<>();
    for (JsonNode op : patch) {
      if (details.size() == MAX_DETAILS) {
        break;
      }
      String path = op.path("path").asText();
      JsonNode before = expected.at(path);
      details.add(
          new AssertionDetail(
              path,
              before.isMissingNode() ? null : abbreviate(before.toString()),
              op.has("value") ? abbreviate(op.get("value").toString()) : null,
              op.path("op").asText() + " at " + path));
    }
    throw new CheckFailed(
        FailureType.ASSERTION,
        what
            + ": bodies differ in "
            + patch.size()
            + " place(s), first at "
            + details.get(0).path(),
        details);
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 197) + "...";
  }
}
