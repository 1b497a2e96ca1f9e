package io.pokeapi.observability.common.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A probe run started.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION} for this layout
 * @param runId the new run's id
 * @param suite the probe suite
 * @param trigger the scheduler or an API call
 * @param endpoints the PokéAPI endpoints the run will probe, never {@code null}
 * @param startedAt when the run started
 */
public record RunStarted(
    int schemaVersion,
    UUID runId,
    String suite,
    RunTrigger trigger,
    List<String> endpoints,
    Instant startedAt)
    implements RunEvent {

  /** The layout version this class writes. */
  public static final int SCHEMA_VERSION = 1;

  /** The discriminator value in JSON. */
  public static final String TYPE = "run_started";

  public RunStarted {
    Objects.requireNonNull(runId, "runId");
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
  }

  /** A start event in the current layout. */
  public static RunStarted of(
      UUID runId, String suite, RunTrigger trigger, List<String> endpoints, Instant startedAt) {
    return new RunStarted(SCHEMA_VERSION, runId, suite, trigger, endpoints, startedAt);
  }
}
