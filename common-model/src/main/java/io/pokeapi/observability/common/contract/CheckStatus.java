package io.pokeapi.observability.common.contract;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The outcome of one check. */
public enum CheckStatus {
  @JsonProperty("passed")
  PASSED,
  @JsonProperty("failed")
  FAILED,
  @JsonProperty("skipped")
  SKIPPED,
  /** A value written by a newer producer; never written by this version. */
  @JsonEnumDefaultValue
  @JsonProperty("unknown")
  UNKNOWN
}
