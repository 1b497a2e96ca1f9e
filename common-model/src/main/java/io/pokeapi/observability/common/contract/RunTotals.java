package io.pokeapi.observability.common.contract;

/**
 * What a probe run did.
 *
 * @param requests HTTP requests made, retries included
 * @param passed checks passed
 * @param failed checks failed
 * @param skipped checks skipped
 */
public record RunTotals(long requests, long passed, long failed, long skipped) {

  /** Nothing done. */
  public static final RunTotals ZERO = new RunTotals(0, 0, 0, 0);

  /** Checks counted. */
  public long checks() {
    return passed + failed + skipped;
  }
}
