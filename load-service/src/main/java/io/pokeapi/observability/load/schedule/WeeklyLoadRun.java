package io.pokeapi.observability.load.schedule;

import io.pokeapi.observability.load.config.LoadConfig;
import io.pokeapi.observability.load.profile.InvalidProfileException;
import io.pokeapi.observability.load.run.LoadRun;
import io.pokeapi.observability.load.run.LoadRunService;
import io.pokeapi.observability.load.run.RunAlreadyActiveException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The weekly load run of the original design (Sundays 03:00 UTC by default): starts {@code
 * load.schedule.preset} at {@code load.target.base-url}. {@code load.schedule.weekly=off} disables
 * it (dev, tests, the offline stack). Against a protected host it still obeys the polite cap unless
 * {@code load.schedule.override-polite-rate} is true.
 */
@ApplicationScoped
public class WeeklyLoadRun {

  private static final Logger LOG = Logger.getLogger(WeeklyLoadRun.class);

  @Inject LoadRunService service;
  @Inject LoadConfig config;

  @Scheduled(
      identity = "weekly-load-run",
      cron = "${load.schedule.weekly}",
      timeZone = "UTC",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void trigger() {
    try {
      LoadRun run =
          service.start(
              config.schedule().preset(), null, null, 1, config.schedule().overridePoliteRate());
      LOG.infof("weekly load run %s started (%s)", run.id(), config.schedule().preset());
    } catch (RunAlreadyActiveException e) {
      LOG.warnf("weekly load run skipped: %s", e.getMessage());
    } catch (InvalidProfileException e) {
      LOG.warnf("weekly load run refused: %s", e.getMessage());
    }
  }
}
