package io.pokeapi.observability.probe.messaging;

/**
 * The outgoing messaging channels; {@code application.properties} binds each to its topic of {@link
 * io.pokeapi.observability.common.contract.Topics}.
 */
public final class Channels {

  /** {@code pokeapi.api-responses}. */
  public static final String API_RESPONSES = "api-responses";

  /** {@code pokeapi.check-results}. */
  public static final String CHECK_RESULTS = "check-results";

  /** {@code pokeapi.run-events}. */
  public static final String RUN_EVENTS = "run-events";

  private Channels() {}
}
