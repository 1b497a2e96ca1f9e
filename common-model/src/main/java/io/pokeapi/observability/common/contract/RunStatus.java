package io.pokeapi.observability.common.contract;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a probe run ended. Failed checks do not make a run {@code FAILED}; only a broken run does.
 */
public enum RunStatus {
  /** Every planned request was made (whatever the checks found). */
  @JsonProperty("completed")
  COMPLETED,
  /** Stopped on request before the end. */
  @JsonProperty("cancelled")
  CANCELLED,
  /** The run itself broke (for example the probe could not start it). */
  @JsonProperty("failed")
  FAILED,
  /**
   * The probe stopped while the run was under way (killed, crashed, redeployed) and closed the run
   * when it came back; its results are incomplete.
   */
  @JsonProperty("aborted")
  ABORTED,
  /** A value written by a newer producer; never written by this version. */
  @JsonEnumDefaultValue
  @JsonProperty("unknown")
  UNKNOWN
}
