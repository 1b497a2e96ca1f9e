package io.pokeapi.observability.common.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A probe run ended.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION} for this layout
 * @param runId the run
 * @param suite the probe suite
 * @param trigger the scheduler or an API call
 * @param endpoints the PokéAPI endpoints the run probed, never {@code null}
 * @param startedAt when the run started
 * @param finishedAt when the run ended
 * @param totals what the run did, never {@code null}
 * @param status completed, cancelled, failed or aborted
 * @param capturesPublished how many {@link ApiResponseCaptured} records of this run the broker
 *     acknowledged; consumers evaluate the run only once they hold that many. {@code null} when the
 *     producer did not count them (an older probe): then consumers fall back to a settle time
 */
public record RunFinished(
    int schemaVersion,
    UUID runId,
    String suite,
    RunTrigger trigger,
    List<String> endpoints,
    Instant startedAt,
    Instant finishedAt,
    RunTotals totals,
    RunStatus status,
    Long capturesPublished)
    implements RunEvent {

  /** The layout version this class writes. */
  public static final int SCHEMA_VERSION = 1;

  /** The discriminator value in JSON. */
  public static final String TYPE = "run_finished";

  public RunFinished {
    Objects.requireNonNull(runId, "runId");
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    totals = totals == null ? RunTotals.ZERO : totals;
  }

  /** The end of a started run whose published captures were not counted. */
  public static RunFinished of(
      RunStarted started, Instant finishedAt, RunTotals totals, RunStatus status) {
    return of(started, finishedAt, totals, status, null);
  }

  /** The end of a started run, in the current layout. */
  public static RunFinished of(
      RunStarted started,
      Instant finishedAt,
      RunTotals totals,
      RunStatus status,
      Long capturesPublished) {
    return new RunFinished(
        SCHEMA_VERSION,
        started.runId(),
        started.suite(),
        started.trigger(),
        started.endpoints(),
        started.startedAt(),
        finishedAt,
        totals,
        status,
        capturesPublished);
  }
}
