package io.pokeapi.observability.common.model;

/**
 * One problem found in a response body.
 *
 * @param pointer RFC 6901 JSON Pointer of the offending value, for example {@code
 *     /abilities/0/ability/name}; {@code ""} for the whole document
 * @param message what is wrong, for humans
 * @param kind which stage found it
 */
public record FieldError(String pointer, String message, Kind kind) {

  /** Which stage found the problem. */
  public enum Kind {
    /** The body is not well-formed JSON (or is empty); the pointer is where parsing stopped. */
    MALFORMED_JSON,
    /** A value has the wrong JSON type, such as a string where an integer belongs. */
    WRONG_TYPE,
    /** A value breaks a constraint: missing, null, out of range, badly formatted. */
    CONSTRAINT,
    /** Validation stopped early (too many errors, unsupported endpoint). */
    INCOMPLETE
  }

  @Override
  public String toString() {
    return (pointer.isEmpty() ? "(document)" : pointer) + ": " + message;
  }
}
