package io.pokeapi.observability.load.run;

import io.pokeapi.observability.common.contract.LoadRunSummary;

/** Sends a finished run's summary on {@code pokeapi.load-summaries}. */
public interface SummaryPublisher {

  /**
   * Publishes and waits for the broker's acknowledgement.
   *
   * @throws RuntimeException when the broker did not take it
   */
  void publish(LoadRunSummary summary);
}
