package io.pokeapi.observability.common.schema;

import java.util.Objects;

/**
 * One difference between two endpoint schemas, or between an endpoint schema and one document.
 *
 * @param type what changed; {@link ChangeType} documents the old and new values of each type and
 *     which changes are breaking
 * @param path where, as an RFC 6901 JSON Pointer into the documents ({@code ~} written {@code ~0},
 *     {@code /} written {@code ~1}) in which the token {@code *} stands for "every element of the
 *     array": <code>/abilities/*&#47;ability/name</code> is the {@code name} of the {@code ability}
 *     of every element of {@code abilities}. The empty string is the whole document. A key that is
 *     literally {@code *} is written {@code *} too.
 * @param oldValue the old state ({@code integer}, {@code required}, {@code non-nullable}, ...), or
 *     {@code null} for {@link ChangeType#FIELD_ADDED}
 * @param newValue the new state, or {@code null} for {@link ChangeType#FIELD_REMOVED}
 * @param breaking whether a consumer written against the old schema may fail
 */
public record SchemaChange(
    ChangeType type, String path, String oldValue, String newValue, boolean breaking) {

  public SchemaChange {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(path, "path");
  }

  /**
   * Whether this is the first type seen at a place that had only ever been {@code null} (its type
   * unknown until now, see {@link SchemaNode#describeTypes}): the schema learns the type, but
   * nothing a consumer relied on changed. A list's {@code next} is such a place while only single
   * pages were seen.
   */
  public boolean isFirstTypeOfANullOnlyPlace() {
    return type == ChangeType.TYPE_CHANGED
        && ("null".equals(oldValue) || "unknown".equals(oldValue));
  }

  /** A one-line description, for logs and reports. */
  public String describe() {
    return "%s %s: %s -> %s%s"
        .formatted(
            type,
            path.isEmpty() ? "(document)" : path,
            oldValue == null ? "absent" : oldValue,
            newValue == null ? "absent" : newValue,
            breaking ? " (breaking)" : "");
  }
}
