package io.pokeapi.observability.probe.run;

import com.fasterxml.jackson.annotation.JsonValue;
import io.pokeapi.observability.common.contract.RunStatus;
import java.util.Locale;

/** Where a run is in its life. */
public enum RunState {
  RUNNING,
  COMPLETED,
  CANCELLED,
  FAILED,
  /** The probe stopped while the run was going; closed when it came back. */
  ABORTED;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the run has ended. */
  public boolean finished() {
    return this != RUNNING;
  }

  /** The status the run's {@code RunFinished} event carries. */
  public RunStatus toRunStatus() {
    return switch (this) {
      case COMPLETED -> RunStatus.COMPLETED;
      case CANCELLED -> RunStatus.CANCELLED;
      case ABORTED -> RunStatus.ABORTED;
      case FAILED, RUNNING -> RunStatus.FAILED;
    };
  }
}
