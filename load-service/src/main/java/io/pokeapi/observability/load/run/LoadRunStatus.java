package io.pokeapi.observability.load.run;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a load run is. */
public enum LoadRunStatus {
  /** Waiting for replicas to join or for the common start time. */
  @JsonProperty("starting")
  STARTING,
  @JsonProperty("running")
  RUNNING,
  @JsonProperty("completed")
  COMPLETED,
  /** Stopped by DELETE; its results cover what ran. */
  @JsonProperty("stopped")
  STOPPED,
  @JsonProperty("failed")
  FAILED;

  /** Whether the run has ended. */
  public boolean ended() {
    return this == COMPLETED || this == STOPPED || this == FAILED;
  }

  /** The name in JSON and metrics. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
