package io.pokeapi.observability.probe.run;

/** A run that has already ended cannot be cancelled. */
public class RunAlreadyFinishedException extends RuntimeException {

  private final transient Run run;

  public RunAlreadyFinishedException(Run run) {
    super("run " + run.id() + " has already ended (" + run.state().id() + ")");
    this.run = run;
  }

  public Run run() {
    return run;
  }
}
