package io.pokeapi.observability.probe.run;

/**
 * Ends a check as skipped (for example the endpoint's circuit breaker is open, so the request was
 * never sent); thrown by the body of a check given to {@link RunContext#check}.
 */
public class CheckSkipped extends RuntimeException {

  public CheckSkipped(String reason) {
    super(reason, null, false, false);
  }
}
