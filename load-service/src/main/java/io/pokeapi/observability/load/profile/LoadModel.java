package io.pokeapi.observability.load.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a profile generates load. */
public enum LoadModel {
  /** Virtual users, each sending a request, waiting for the answer, then thinking. */
  @JsonProperty("closed")
  CLOSED("closed"),
  /** Requests arrive at a scheduled rate whatever the server does. */
  @JsonProperty("open")
  OPEN("open"),
  /** A fixed number of connections, each sending its next request as soon as one answers. */
  @JsonProperty("fixed-connections")
  FIXED_CONNECTIONS("fixed-connections");

  private final String wireName;

  LoadModel(String wireName) {
    this.wireName = wireName;
  }

  /** The name in profiles and summaries. */
  public String wireName() {
    return wireName;
  }
}
