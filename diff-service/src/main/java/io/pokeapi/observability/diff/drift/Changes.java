package io.pokeapi.observability.diff.drift;

import com.fasterxml.jackson.databind.node.TextNode;
import io.pokeapi.observability.common.contract.Change;
import io.pokeapi.observability.common.datadiff.DataChange;
import io.pokeapi.observability.common.datadiff.DataPatch;
import io.pokeapi.observability.common.schema.SchemaChange;
import java.util.List;
import java.util.Locale;

/** Converts drift engine results into the {@link Change} records of the Kafka contract. */
public final class Changes {

  private Changes() {}

  /**
   * A schema change: {@code changeType} is the engine's type in lower case ({@code field_added},
   * {@code type_changed}, ...), old and new values are its descriptions ({@code integer}, {@code
   * required}, ...) as JSON strings.
   */
  public static Change of(SchemaChange change) {
    return new Change(
        change.type().name().toLowerCase(Locale.ROOT),
        change.path(),
        change.oldValue() == null ? null : TextNode.valueOf(change.oldValue()),
        change.newValue() == null ? null : TextNode.valueOf(change.newValue()),
        change.breaking());
  }

  /**
   * A data change: {@code changeType} is the RFC 6902 operation ({@code add}, {@code remove},
   * {@code replace}) with the values before and after. A changed value is data, not a broken
   * contract, so none is marked breaking; schema drift says when the shape broke.
   */
  public static Change of(DataChange change) {
    return new Change(
        change.op().rfcName(), change.path(), change.oldValue(), change.newValue(), false);
  }

  /** The changes of a data patch. */
  public static List<Change> of(DataPatch patch) {
    return patch.operations().stream().map(Changes::of).toList();
  }
}
