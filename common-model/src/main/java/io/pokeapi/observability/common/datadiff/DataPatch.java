package io.pokeapi.observability.common.datadiff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The changed values between two versions of one resource, as an RFC 6902 JSON Patch whose
 * operations also carry the value they overwrite. Applying it to the old version gives the new one.
 * Immutable: the values are private copies; the JSON trees handed out are new or must not be
 * modified.
 */
public final class DataPatch {

  private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

  private final List<DataChange> operations;

  DataPatch(List<DataChange> operations) {
    this.operations = List.copyOf(operations);
  }

  /** The operations, in the order they apply. */
  public List<DataChange> operations() {
    return operations;
  }

  /** Whether the two versions were equal. */
  public boolean isEmpty() {
    return operations.isEmpty();
  }

  /**
   * The patch as a standard RFC 6902 document (a new array): {@code add} and {@code replace} with
   * {@code path} and {@code value}, {@code remove} with {@code path} only.
   */
  public ArrayNode toJsonPatch() {
    ArrayNode patch = FACTORY.arrayNode(operations.size());
    for (DataChange change : operations) {
      ObjectNode operation = patch.addObject();
      operation.put("op", change.op().rfcName());
      operation.put("path", change.path());
      if (change.newValue() != null) {
        operation.set("value", change.newValue().deepCopy());
      }
    }
    return patch;
  }

  /**
   * The result of applying this patch to {@code document}, which is left unchanged. The operations
   * apply in order, as RFC 6902 says.
   *
   * @throws IllegalArgumentException when the patch does not fit the document (it was computed from
   *     another one)
   */
  public JsonNode apply(JsonNode document) {
    return JsonPatchApplier.apply(operations, document);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataPatch other && operations.equals(other.operations);
  }

  @Override
  public int hashCode() {
    return operations.hashCode();
  }

  @Override
  public String toString() {
    return toJsonPatch().toString();
  }
}
