package io.pokeapi.observability.probe.run;

import java.util.List;

/** A suite of checks a run executes. Implementations are CDI beans, one per {@link Suite}. */
public interface ProbeSuite {

  /** Which suite this is. */
  Suite suite();

  /** The endpoints a run of {@code request} will probe (announced in {@code RunStarted}). */
  List<String> endpoints(RunRequest request);

  /**
   * Runs the suite. Blocking; returns when done.
   *
   * @throws InterruptedException when the run is cancelled
   */
  void run(RunContext context) throws InterruptedException;
}
