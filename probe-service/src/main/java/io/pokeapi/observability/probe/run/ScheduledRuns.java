package io.pokeapi.observability.probe.run;

import io.pokeapi.observability.common.contract.RunTrigger;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The cron triggers of the suites ({@code probe.schedule.*}; {@code off} turns one off): smoke
 * every 15 minutes, regression daily at 02:00 UTC, sweep every 6 hours by default. A trigger that
 * fires while a run of its suite is still going starts nothing; the skip is logged and counted in
 * {@code pokeapi_runs_skipped_total}.
 */
@ApplicationScoped
public class ScheduledRuns {

  private static final Logger LOG = Logger.getLogger(ScheduledRuns.class);

  private final RunService runs;

  public ScheduledRuns(RunService runs) {
    this.runs = runs;
  }

  @Scheduled(
      identity = "smoke",
      cron = "${probe.schedule.smoke}",
      timeZone = "${probe.schedule.time-zone}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void smoke() {
    trigger(Suite.SMOKE);
  }

  @Scheduled(
      identity = "regression",
      cron = "${probe.schedule.regression}",
      timeZone = "${probe.schedule.time-zone}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void regression() {
    trigger(Suite.REGRESSION);
  }

  @Scheduled(
      identity = "sweep",
      cron = "${probe.schedule.sweep}",
      timeZone = "${probe.schedule.time-zone}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sweep() {
    trigger(Suite.SWEEP);
  }

  /**
   * Starts a scheduled run of {@code suite} unless one is going.
   *
   * @return the run started, or empty when it was skipped
   */
  public Optional<Run> trigger(Suite suite) {
    try {
      Run run = runs.start(RunRequest.of(suite, RunTrigger.SCHEDULE));
      LOG.infof("Scheduled %s run %s started", suite, run.id());
      return Optional.of(run);
    } catch (RunAlreadyActiveException e) {
      LOG.warnf(
          "Scheduled %s run skipped: run %s of the same suite is still going",
          suite, e.activeRunId());
      return Optional.empty();
    }
  }
}
