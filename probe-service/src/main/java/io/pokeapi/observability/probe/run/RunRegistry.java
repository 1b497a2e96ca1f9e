package io.pokeapi.observability.probe.run;

import io.pokeapi.observability.probe.config.ProbeConfig;
import io.pokeapi.observability.probe.metrics.ProbeMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs the service knows: every active run and the most recent finished ones ({@code
 * probe.api.recent-runs}). It enforces that two runs of one suite never overlap: the second is
 * refused ({@link RunAlreadyActiveException}) and counted ({@code pokeapi_runs_skipped_total}).
 */
@ApplicationScoped
public class RunRegistry {

  private final Map<UUID, Run> runs = new ConcurrentHashMap<>();
  private final Map<Suite, Run> active = new EnumMap<>(Suite.class);
  private final Deque<Run> finished = new ArrayDeque<>();
  private final int keep;
  private final ProbeMetrics metrics;
  private final Clock clock;

  @Inject
  public RunRegistry(ProbeConfig config, ProbeMetrics metrics) {
    this(config.api().recentRuns(), metrics, Clock.systemUTC());
  }

  RunRegistry(int keep, ProbeMetrics metrics, Clock clock) {
    this.keep = Math.max(1, keep);
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Registers a new run of {@code request}.
   *
   * @throws RunAlreadyActiveException when a run of the same suite is still going
   */
  public synchronized Run register(RunRequest request, List<String> endpoints) {
    Run current = active.get(request.suite());
    if (current != null) {
      metrics.runSkipped(request.suite().id());
      throw new RunAlreadyActiveException(request.suite(), current.id());
    }
    Run run = new Run(UUID.randomUUID(), request, endpoints, clock.instant());
    active.put(request.suite(), run);
    runs.put(run.id(), run);
    return run;
  }

  /** Notes that {@code run} has ended, and forgets the oldest finished runs beyond the limit. */
  public synchronized void finished(Run run) {
    active.remove(run.suite(), run);
    finished.addLast(run);
    while (finished.size() > keep) {
      runs.remove(finished.removeFirst().id());
    }
  }

  /**
   * Adds a run that ended before this process started (read back from pokeapi.run-events), unless
   * it is known already; the oldest finished runs beyond the limit are forgotten.
   */
  public synchronized boolean restore(Run run) {
    if (runs.containsKey(run.id()) || !run.state().finished()) {
      return false;
    }
    runs.put(run.id(), run);
    finished.addLast(run);
    while (finished.size() > keep) {
      runs.remove(finished.removeFirst().id());
    }
    return true;
  }

  public Optional<Run> find(UUID id) {
    return Optional.ofNullable(runs.get(id));
  }

  /** The active run of {@code suite}, if any. */
  public synchronized Optional<Run> active(Suite suite) {
    return Optional.ofNullable(active.get(suite));
  }

  /** The known runs, newest first, at most {@code limit}. */
  public List<Run> recent(int limit) {
    return runs.values().stream()
        .sorted(Comparator.comparing(Run::startedAt).reversed().thenComparing(Run::id))
        .limit(Math.max(0, limit))
        .toList();
  }

  /** Every run still going. */
  public synchronized List<Run> activeRuns() {
    return List.copyOf(active.values());
  }
}
