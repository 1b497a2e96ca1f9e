package io.pokeapi.observability.probe.run;

/**
 * A snapshot of how far a run is.
 *
 * @param requests HTTP requests made so far, retries included
 * @param passed checks passed
 * @param failed checks failed
 * @param skipped checks skipped
 * @param planned work items (lookups, pages, resources) the suite has planned so far
 * @param done work items finished
 */
public record RunProgress(
    long requests, long passed, long failed, long skipped, long planned, long done) {

  /** Work items planned but not finished yet. */
  public long remaining() {
    return Math.max(0, planned - done);
  }

  /** Checks recorded. */
  public long checks() {
    return passed + failed + skipped;
  }
}
