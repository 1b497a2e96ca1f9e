package io.pokeapi.observability.diff.storage;

/**
 * Why a change of a resource's body is put down to the edge (the CDN serving stale or mixed
 * answers) rather than to a data release.
 */
public enum EdgeInconsistency {
  /** The body changed but the {@code X-PokeAPI-Hash} stayed the same: no release happened. */
  SAME_RELEASE("same-release"),
  /**
   * One run got two different bodies for the resource, for example by id and by name, or with and
   * without the trailing slash.
   */
  SAME_RUN("same-run");

  private final String code;

  EdgeInconsistency(String code) {
    this.code = code;
  }

  /** The value stored in {@code data_changes.inconsistency} and shown by the REST API. */
  public String code() {
    return code;
  }

  /** The inconsistency stored as {@code code}, or {@code null}. */
  public static EdgeInconsistency ofCode(String code) {
    for (EdgeInconsistency value : values()) {
      if (value.code.equals(code)) {
        return value;
      }
    }
    return null;
  }
}
