package io.pokeapi.observability.load.run;

import java.util.UUID;

/** A stop was asked of a run that has ended. */
public class RunAlreadyEndedException extends RuntimeException {

  public RunAlreadyEndedException(UUID id, LoadRunStatus status) {
    super("load run " + id + " has already ended (" + status.wireName() + ")");
  }
}
