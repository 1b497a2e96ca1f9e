package io.pokeapi.observability.common.datadiff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One operation of a {@link DataPatch}: an RFC 6902 {@code add}, {@code remove} or {@code replace}
 * with the value before and after it.
 *
 * <p>The operations of a patch apply in sequence, as RFC 6902 says: the path of an array element is
 * its index at the moment the operation applies, after the operations before it. {@code oldValue}
 * is what the operation removes or overwrites at that moment.
 *
 * @param op the operation
 * @param path where, as an RFC 6901 JSON Pointer into the document
 * @param oldValue the value removed or replaced; {@code null} (Java null) for {@link Op#ADD}. A
 *     JSON {@code null} is a {@code NullNode}, never Java null
 * @param newValue the value added or written; {@code null} (Java null) for {@link Op#REMOVE}
 */
public record DataChange(Op op, String path, JsonNode oldValue, JsonNode newValue) {

  /** The RFC 6902 operations a data diff emits. */
  public enum Op {
    ADD("add"),
    REMOVE("remove"),
    REPLACE("replace");

    private final String rfcName;

    Op(String rfcName) {
      this.rfcName = rfcName;
    }

    /** The {@code op} member of the RFC 6902 operation. */
    public String rfcName() {
      return rfcName;
    }

    static Op byRfcName(String name) {
      for (Op op : values()) {
        if (op.rfcName.equals(name)) {
          return op;
        }
      }
      throw new IllegalArgumentException("unsupported JSON Patch operation: " + name);
    }
  }

  public DataChange {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(path, "path");
    if ((oldValue == null) != (op == Op.ADD)) {
      throw new IllegalArgumentException(
          op + " must " + (op == Op.ADD ? "not " : "") + "have an old value");
    }
    if ((newValue == null) != (op == Op.REMOVE)) {
      throw new IllegalArgumentException(
          op + " must " + (op == Op.REMOVE ? "not " : "") + "have a new value");
    }
  }
}
