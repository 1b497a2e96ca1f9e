package io.pokeapi.observability.common.contract;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What started a probe run. */
public enum RunTrigger {
  /** The service's own scheduler. */
  @JsonProperty("schedule")
  SCHEDULE,
  /** A request to the service's HTTP API. */
  @JsonProperty("api")
  API,
  /** A value written by a newer producer; never written by this version. */
  @JsonEnumDefaultValue
  @JsonProperty("unknown")
  UNKNOWN
}
