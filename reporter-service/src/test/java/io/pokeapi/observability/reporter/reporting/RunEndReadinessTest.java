package io.pokeapi.observability.reporter.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStarted;
import io.pokeapi.observability.common.contract.RunStatus;
import io.pokeapi.observability.common.contract.RunTotals;
import io.pokeapi.observability.common.contract.RunTrigger;
import io.pokeapi.observability.reporter.storage.EventKind;
import io.pokeapi.observability.reporter.storage.InboxRow;
import io.pokeapi.observability.reporter.storage.LaunchState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * When a run's end may finish its launch. The end's age counts from its arrival in the inbox; a
 * ReportPortal outage makes it old while the run's results, stored behind it, cannot be sent yet:
 * they must still go into the launch before it is finished, never as late results.
 */
class RunEndReadinessTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private final ReportPlanner planner = new ReportPlanner(new PlanPropertiesTest.TestConfig());
  private final UUID run = UUID.randomUUID();
  private final RunStarted started =
      RunStarted.of(run, "sweep", RunTrigger.API, List.of("type"), T0);

  @Test
  void anEndOlderThanTheSettleTimeWaitsForTheRunsResultsStillInTheInbox() {
    LaunchState launch = launchWithResults(40);
    InboxRow end = runFinished(42, T0.plusSeconds(10));
    Instant afterOutage = T0.plusSeconds(10 + 60); // settle time 30 s

    assertThat(planner.ready(end, launch, afterOutage, true)).isFalse();
    assertThat(planner.ready(end, launch, afterOutage, false)).isTrue();
  }

  @Test
  void anEndWithEveryResultInWaitsTheGraceThenFinishes() {
    LaunchState launch = launchWithResults(42);
    InboxRow end = runFinished(42, T0.plusSeconds(10));

    assertThat(planner.ready(end, launch, T0.plusSeconds(11), false)).isFalse();
    assertThat(planner.ready(end, launch, T0.plusSeconds(16), false)).isTrue();
  }

  @Test
  void anEndMissingResultsThatNeverCameFinishesAfterTheSettleTime() {
    LaunchState launch = launchWithResults(40);
    InboxRow end = runFinished(42, T0.plusSeconds(10));

    assertThat(planner.ready(end, launch, T0.plusSeconds(39), false)).isFalse();
    assertThat(planner.ready(end, launch, T0.plusSeconds(40), false)).isTrue();
  }

  private LaunchState launchWithResults(long results) {
    InboxRow start =
        new InboxRow(
            1,
            "pokeapi.run-events",
            0,
            0,
            EventKind.RUN_STARTED,
            run,
            EventJson.toJson(started),
            T0,
            0,
            0);
    LaunchState launch = planner.plan(start, null).state();
    launch.results = results;
    return launch;
  }

  private InboxRow runFinished(long checks, Instant receivedAt) {
    RunFinished finished =
        RunFinished.of(
            started, T0.plusSeconds(9), new RunTotals(checks, checks, 0, 0), RunStatus.COMPLETED);
    return new InboxRow(
        2,
        "pokeapi.run-events",
        0,
        1,
        EventKind.RUN_FINISHED,
        run,
        EventJson.toJson(finished),
        receivedAt,
        0,
        0);
  }
}
