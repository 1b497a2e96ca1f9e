package io.pokeapi.observability.load.engine;

/**
 * Where a request's outcome is counted: slots 0 to 499 are the HTTP statuses 100 to 599, then a
 * slot for a timeout and one for a connection failure (no status at all).
 */
final class StatusSlots {

  static final int COUNT = 502;
  static final int TIMEOUT = 500;
  static final int CONNECTION = 501;

  private StatusSlots() {}

  static int of(int status) {
    return status >= 100 && status <= 599 ? status - 100 : CONNECTION;
  }

  /** The metrics and report label of a slot: the status, {@code timeout} or {@code connection}. */
  static String label(int slot) {
    return switch (slot) {
      case TIMEOUT -> "timeout";
      case CONNECTION -> "connection";
      default -> Integer.toString(slot + 100);
    };
  }
}
