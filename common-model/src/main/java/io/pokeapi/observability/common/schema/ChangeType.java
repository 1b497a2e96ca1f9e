package io.pokeapi.observability.common.schema;

/**
 * What changed at one path of an endpoint schema, and whether that breaks a consumer written
 * against the old schema. The rule of thumb: a change is <em>breaking</em> when a value a consumer
 * relied on may now be missing, null or of a type it does not handle; it is <em>non-breaking</em>
 * when the new schema only narrows or extends what the old one allowed.
 *
 * <p>Each type has a {@link #mirror()}: the type reported for the same path when the two schemas
 * are swapped.
 */
public enum ChangeType {
  /**
   * A property appeared (old value {@code null}, new value its types). Not breaking: consumers
   * ignore keys they do not know.
   *
   * <p>Also reported at {@code <array>/*} when an array that had only ever been seen empty (element
   * schema unknown) now has elements: the element shape is news a QA engineer wants to see once,
   * but nothing a consumer relied on changed, so it is not breaking.
   */
  FIELD_ADDED,
  /**
   * A property disappeared from every object (old value its types, new value {@code null}).
   * Breaking. At {@code <array>/*} it means the arrays there were only seen empty in the new
   * schema; that is not breaking, since a consumer iterating them sees no element it cannot read.
   */
  FIELD_REMOVED,
  /**
   * The set of JSON types (null aside) changed, for example {@code integer -> number} or {@code
   * object -> object|string}. Breaking when the new schema has a type the old one did not accept:
   * {@code integer -> number} is breaking (a consumer parsing integers fails on {@code 1.5}) while
   * {@code number -> integer} and dropping one type of a union are not. A place that had only ever
   * been null (type unknown) getting a value is not breaking either.
   */
  TYPE_CHANGED,
  /**
   * Null appeared where it was never seen (old {@code non-nullable}, new {@code nullable}).
   * Breaking.
   */
  BECAME_NULLABLE,
  /** Null is no longer seen (old {@code nullable}, new {@code non-nullable}). Not breaking. */
  BECAME_NON_NULLABLE,
  /**
   * A property present in every object is now missing from some (old {@code required}, new {@code
   * optional}); for one document checked against a schema this is "required field missing".
   * Breaking.
   */
  BECAME_OPTIONAL,
  /**
   * An optional property is now present in every object (old {@code optional}, new {@code
   * required}). Not breaking.
   */
  BECAME_REQUIRED;

  /** The type reported for the same path when old and new schema are swapped. */
  public ChangeType mirror() {
    return switch (this) {
      case FIELD_ADDED -> FIELD_REMOVED;
      case FIELD_REMOVED -> FIELD_ADDED;
      case TYPE_CHANGED -> TYPE_CHANGED;
      case BECAME_NULLABLE -> BECAME_NON_NULLABLE;
      case BECAME_NON_NULLABLE -> BECAME_NULLABLE;
      case BECAME_OPTIONAL -> BECAME_REQUIRED;
      case BECAME_REQUIRED -> BECAME_OPTIONAL;
    };
  }
}
