package io.pokeapi.observability.probe.run;

import java.util.UUID;

/** A run of the suite is still going, so another one is not started. */
public class RunAlreadyActiveException extends RuntimeException {

  private final Suite suite;
  private final UUID activeRunId;

  public RunAlreadyActiveException(Suite suite, UUID activeRunId) {
    super("a " + suite.id() + " run is still going: " + activeRunId);
    this.suite = suite;
    this.activeRunId = activeRunId;
  }

  public Suite suite() {
    return suite;
  }

  public UUID activeRunId() {
    return activeRunId;
  }
}
