package io.pokeapi.observability.load.engine;

/** The start of a run, shared by its loops: 0 until every loop is ready. */
final class RunClock {

  private volatile long startNanos;

  void start(long nanos) {
    startNanos = nanos;
  }

  long startNanos() {
    return startNanos;
  }

  boolean started() {
    return startNanos != 0;
  }
}
