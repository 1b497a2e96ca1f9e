package io.pokeapi.observability.load.run;

import java.util.UUID;

/** Another run is active on this replica (one at a time, so that runs never measure each other). */
public class RunAlreadyActiveException extends RuntimeException {

  public RunAlreadyActiveException(UUID active) {
    super(
        "load run "
            + active
            + " is active on this replica; stop it (DELETE /api/load-runs/"
            + active
            + ") or wait for it to end");
  }
}
