package io.pokeapi.observability.common.datadiff;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Applies the {@code add}, {@code remove} and {@code replace} operations of a {@link DataPatch} as
 * RFC 6902 says, resolving paths with Jackson's RFC 6901 {@link JsonPointer}.
 *
 * <p>Why not zjsonpatch's {@code JsonPatch.apply}: in 0.4.16 its {@code JsonPointer.parse}
 * unescapes the last reference token twice, so a key that literally contains {@code ~1} or {@code
 * ~0} (written {@code ~01}, {@code ~00}) is read as {@code /} or {@code ~}: the patch then edits
 * the wrong key. The diff side of zjsonpatch escapes correctly and is still used.
 */
final class JsonPatchApplier {

  private JsonPatchApplier() {}

  /** {@code document} with the operations applied in order; {@code document} is not modified. */
  static JsonNode apply(List<DataChange> operations, JsonNode document) {
    JsonNode result = document.deepCopy();
    for (DataChange change : operations) {
      result = apply(change, result);
    }
    return result;
  }

  private static JsonNode apply(DataChange change, JsonNode document) {
    JsonPointer pointer = JsonPointer.compile(change.path());
    if (pointer.matches()) {
      if (change.op() == DataChange.Op.REMOVE) {
        throw misfit(change, "cannot remove the whole document");
      }
      return change.newValue().deepCopy();
    }
    JsonNode parent = document.at(pointer.head());
    String token = pointer.last().getMatchingProperty();
    if (parent instanceof ObjectNode object) {
      applyToObject(change, object, token);
    } else if (parent instanceof ArrayNode array) {
      applyToArray(change, array, pointer.last().getMatchingIndex(), token);
    } else {
      throw misfit(change, "no object or array at the parent path");
    }
    return document;
  }

  private static void applyToObject(DataChange change, ObjectNode object, String key) {
    switch (change.op()) {
      case ADD -> object.set(key, change.newValue().deepCopy());
      case REMOVE -> {
        if (object.remove(key) == null) {
          throw misfit(change, "no such key");
        }
      }
      case REPLACE -> {
        if (!object.has(key)) {
          throw misfit(change, "no such key");
        }
        object.set(key, change.newValue().deepCopy());
      }
    }
  }

  private static void applyToArray(DataChange change, ArrayNode array, int index, String token) {
    int size = array.size();
    switch (change.op()) {
      case ADD -> {
        if ("-".equals(token)) {
          array.add(change.newValue().deepCopy());
        } else if (index >= 0 && index <= size) {
          array.insert(index, change.newValue().deepCopy());
        } else {
          throw misfit(change, "index out of bounds");
        }
      }
      case REMOVE -> {
        if (index < 0 || index >= size) {
          throw misfit(change, "index out of bounds");
        }
        array.remove(index);
      }
      case REPLACE -> {
        if (index < 0 || index >= size) {
          throw misfit(change, "index out of bounds");
        }
        array.set(index, change.newValue().deepCopy());
      }
    }
  }

  private static IllegalArgumentException misfit(DataChange change, String reason) {
    return new IllegalArgumentException(
        "patch does not fit the document at %s (%s): %s"
            .formatted(change.path(), change.op().rfcName(), reason));
  }
}
