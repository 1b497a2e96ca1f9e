package io.pokeapi.observability.common.contract;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the shape of an endpoint's answers changed, or the values of one resource. */
public enum DriftKind {
  /** The structure changed: a field appeared, disappeared or changed type. */
  @JsonProperty("schema")
  SCHEMA,
  /** The values of one resource changed. */
  @JsonProperty("data")
  DATA,
  /** A value written by a newer producer; never written by this version. */
  @JsonEnumDefaultValue
  @JsonProperty("unknown")
  UNKNOWN
}
