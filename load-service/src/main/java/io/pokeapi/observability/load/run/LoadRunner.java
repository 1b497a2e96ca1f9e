package io.pokeapi.observability.load.run;

import io.pokeapi.observability.common.contract.LatencyPercentiles;
import io.pokeapi.observability.common.contract.LoadRunSummary;
import io.pokeapi.observability.load.distributed.Coordination;
import io.pokeapi.observability.load.distributed.CoordinationMessage;
import io.pokeapi.observability.load.engine.EngineRun;
import io.pokeapi.observability.load.engine.Histograms;
import io.pokeapi.observability.load.engine.LoadEngine;
import io.pokeapi.observability.load.engine.ShareResult;
import io.pokeapi.observability.load.metrics.LoadMeters;
import io.pokeapi.observability.load.profile.LoadPlan;
import io.pokeapi.observability.load.report.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs load runs on this replica: alone, or together with other replicas over a {@link
 * Coordination}. One run at a time per replica. The replica that accepts a run publishes its
 * summary.
 */
public final class LoadRunner implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LoadRunner.class);

  private final RunnerSettings settings;
  private final LoadEngine engine;
  private final LoadMeters meters;
  private final SummaryPublisher publisher;
  private final Coordination coordination;
  private final ScheduledExecutorService executor;
  private final Map<UUID, LoadRun> runs = new ConcurrentHashMap<>();
  private final Deque<UUID> order = new ArrayDeque<>();
  private final Object lock = new Object();
  private LoadRun active;

  /** An offer this idle replica answered, waiting for the start message. */
  private Reservation reservation;

  /** Joins received for a run this replica offered. */
  private final Map<UUID, List<String>> joins = new ConcurrentHashMap<>();

  private record Reservation(CoordinationMessage offer, ScheduledFuture<?> expiry) {}

  /**
   * @param coordination the transport to other replicas, {@code null} for a replica that runs alone
   */
  public LoadRunner(
      RunnerSettings settings,
      LoadEngine engine,
      LoadMeters meters,
      SummaryPublisher publisher,
      Coordination coordination) {
    this.settings = settings;
    this.engine = engine;
    this.meters = meters;
    this.publisher = publisher;
    this.coordination = coordination;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "load-runner-" + settings.replica());
              thread.setDaemon(true);
              return thread;
            });
    if (coordination != null) {
      coordination.listen(m -> executor.execute(() -> onMessage(m)));
    }
  }

  /** This replica's id. */
  public String replica() {
    return settings.replica();
  }

  /**
   * Starts a run.
   *
   * @param replicas how many replicas should share it (1: this one alone)
   * @throws RunAlreadyActiveException while another run is active here
   */
  public LoadRun start(LoadPlan plan, int replicas) {
    LoadRun run;
    synchronized (lock) {
      if (active != null) {
        throw new RunAlreadyActiveException(active.id());
      }
      if (replicas > 1 && coordination == null) {
        throw new IllegalStateException("distributed runs need Kafka coordination");
      }
      run = new LoadRun(UUID.randomUUID(), plan, replicas, true, Instant.now());
      remember(run);
      active = run;
      meters.running(true);
    }
    if (replicas <= 1) {
      run.participants(List.of(replica()));
      startShare(run, plan.share(0, 1), System.currentTimeMillis());
    } else {
      joins.put(run.id(), new ArrayList<>());
      executor.execute(
          () -> {
            try {
              coordination.send(
                  CoordinationMessage.offer(run.id(), replica(), replicas, plan.profile()));
              executor.schedule(
                  () -> startDistributed(run),
                  settings.joinTimeout().toMillis(),
                  TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
              fail(run, "cannot offer the run to other replicas: " + e.getMessage());
            }
          });
    }
    return run;
  }

  /** A run by id. */
  public Optional<LoadRun> get(UUID id) {
    return Optional.ofNullable(runs.get(id));
  }

  /** The most recent runs, newest first. */
  public List<LoadRun> recent(int limit) {
    synchronized (lock) {
      List<LoadRun> list = new ArrayList<>();
      for (UUID id : order) {
        if (list.size() >= limit) {
          break;
        }
        LoadRun run = runs.get(id);
        if (run != null) {
          list.add(run);
        }
      }
      return list;
    }
  }

  /**
   * Stops a run on every replica that runs it.
   *
   * @throws RunAlreadyEndedException when it has ended
   */
  public LoadRun stop(LoadRun run) {
    if (run.status().ended()) {
      throw new RunAlreadyEndedException(run.id(), run.status());
    }
    stopLocally(run);
    if (run.replicasWanted() > 1 && coordination != null) {
      executor.execute(
          () -> {
            try {
              coordination.send(CoordinationMessage.stop(run.id(), replica()));
            } catch (RuntimeException e) {
              LOG.warnf(
                  "cannot tell the other replicas to stop load run %s: %s",
                  run.id(), e.getMessage());
            }
          });
    }
    return run;
  }

  private void stopLocally(LoadRun run) {
    run.requestStop();
    EngineRun engineRun = run.engineRun();
    if (engineRun != null) {
      engineRun.stop();
    }
  }

  private void remember(LoadRun run) {
    runs.put(run.id(), run);
    order.addFirst(run.id());
    while (order.size() > settings.recentRuns()) {
      UUID oldest = order.peekLast();
      LoadRun old = runs.get(oldest);
      if (old != null && !old.status().ended()) {
        break;
      }
      order.pollLast();
      runs.remove(oldest);
    }
  }

  private void startShare(LoadRun run, LoadPlan share, long startAtEpochMillis) {
    try {
      EngineRun engineRun = engine.start(share, replica(), startAtEpochMillis);
      run.running(
          engineRun,
          Instant.ofEpochMilli(Math.max(startAtEpochMillis, System.currentTimeMillis())));
      if (run.stopRequested()) {
        engineRun.stop();
      }
      engineRun
          .result()
          .whenComplete(
              (result, error) ->
                  executor.execute(
                      () -> {
                        if (error != null) {
                          shareFailed(run, "the load engine failed: " + error.getMessage());
                        } else {
                          shareDone(run, result);
                        }
                      }));
    } catch (RuntimeException e) {
      shareFailed(run, "cannot start the load engine: " + e.getMessage());
    }
  }

  private void shareDone(LoadRun run, ShareResult result) {
    if (!run.coordinator()) {
      run.finished(RunResult.merge(List.of(result), List.of()), null, Instant.now());
      release(run);
      try {
        coordination.send(CoordinationMessage.result(run.id(), replica(), result));
      } catch (RuntimeException e) {
        LOG.errorf(
            "cannot send this replica's result of load run %s: %s", run.id(), e.getMessage());
      }
      return;
    }
    boolean all = run.addShare(result);
    if (all) {
      complete(run);
    } else {
      executor.schedule(
          () -> complete(run), settings.resultTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void shareFailed(LoadRun run, String why) {
    LOG.errorf("load run %s: %s", run.id(), why);
    if (!run.coordinator()) {
      run.failed(why, Instant.now());
      release(run);
      try {
        coordination.send(CoordinationMessage.failure(run.id(), replica(), why));
      } catch (RuntimeException e) {
        LOG.warnf("cannot report the failure of load run %s: %s", run.id(), e.getMessage());
      }
      return;
    }
    fail(run, why);
  }

  private void fail(LoadRun run, String why) {
    if (run.status().ended()) {
      return;
    }
    run.failed(why, Instant.now());
    release(run);
  }

  /** Merges what has arrived and publishes the summary (once). */
  private void complete(LoadRun run) {
    if (run.status().ended()) {
      return;
    }
    Map<String, ShareResult> shares = run.shares();
    List<ShareResult> ordered = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String participant : run.participants()) {
      ShareResult share = shares.get(participant);
      if (share == null) {
        missing.add(participant);
      } else {
        ordered.add(share);
      }
    }
    RunResult result = RunResult.merge(ordered, missing);
    LoadRunSummary summary = summary(run, result);
    run.finished(result, summary, Instant.now());
    release(run);
    try {
      publisher.publish(summary);
    } catch (RuntimeException e) {
      LOG.errorf(e, "load run %s: the summary could not be published", run.id());
    }
    LOG.infof(
        "load run %s %s: %d requests, %d errors, %.1f req/s, p99 %.3f ms, valid=%s",
        run.id(),
        run.status().wireName(),
        result.requests(),
        result.errors(),
        result.requestsPerSecond(),
        result.latency().getValueAtPercentile(99) / 1000.0,
        result.invalidReason() == null);
  }

  private void release(LoadRun run) {
    meters.runEnded(run.status().wireName());
    synchronized (lock) {
      if (active == run) {
        active = null;
        meters.running(false);
      }
    }
    joins.remove(run.id());
  }

  /** The summary of a run for {@code pokeapi.load-summaries}. */
  static LoadRunSummary summary(LoadRun run, RunResult result) {
    Histograms.Percentiles p = Histograms.percentiles(result.latency());
    Histograms.Percentiles w = Histograms.percentiles(result.connectionWait());
    return new LoadRunSummary(
        LoadRunSummary.SCHEMA_VERSION,
        run.id(),
        run.plan().baseUrl(),
        run.plan().name(),
        run.startedAt() != null ? run.startedAt() : run.createdAt(),
        Duration.ofNanos((long) (result.measuredSeconds() * 1e9)),
        result.requests(),
        result.errorsByKind(),
        result.requestsPerSecond(),
        percentiles(p),
        run.plan().correctedForCoordinatedOmission(),
        result.invalidReason() == null,
        result.invalidReason(),
        Histograms.encode(result.latency()),
        run.plan().model().wireName(),
        result.shares(),
        result.dropped(),
        percentiles(w));
  }

  private static LatencyPercentiles percentiles(Histograms.Percentiles p) {
    return new LatencyPercentiles(p.p50(), p.p90(), p.p95(), p.p99(), p.p999(), p.max(), p.mean());
  }

  // --- distributed runs ---

  private void startDistributed(LoadRun run) {
    if (run.status().ended() || !run.participants().isEmpty()) {
      return;
    }
    List<String> joined = joins.getOrDefault(run.id(), List.of());
    List<String> participants = new ArrayList<>();
    participants.add(replica());
    for (String other : joined) {
      if (participants.size() >= run.replicasWanted()) {
        break;
      }
      if (!participants.contains(other)) {
        participants.add(other);
      }
    }
    run.participants(participants);
    long startAt = System.currentTimeMillis() + settings.startDelay().toMillis();
    try {
      coordination.send(CoordinationMessage.start(run.id(), replica(), participants, startAt));
    } catch (RuntimeException e) {
      fail(run, "cannot start the other replicas: " + e.getMessage());
      return;
    }
    LOG.infof(
        "load run %s: %d of %d replicas take part: %s",
        run.id(), participants.size(), run.replicasWanted(), participants);
    startShare(run, run.plan().share(0, participants.size()), startAt);
  }

  private void onMessage(CoordinationMessage m) {
    switch (m.type()) {
      case CoordinationMessage.OFFER -> onOffer(m);
      case CoordinationMessage.JOIN -> {
        List<String> list = joins.get(m.runId());
        if (list != null) {
          synchronized (list) {
            list.add(m.from());
          }
          LoadRun run = runs.get(m.runId());
          if (run != null
              && list.size() >= run.replicasWanted() - 1
              && run.participants().isEmpty()) {
            startDistributed(run);
          }
        }
      }
      case CoordinationMessage.START -> onStart(m);
      case CoordinationMessage.STOP -> {
        LoadRun run = runs.get(m.runId());
        if (run != null && !run.status().ended()) {
          stopLocally(run);
        }
      }
      case CoordinationMessage.RESULT -> onResult(m);
      default -> LOG.debugf("ignoring coordination message %s", m.type());
    }
  }

  private void onOffer(CoordinationMessage offer) {
    synchronized (lock) {
      if (active != null || reservation != null || offer.profile() == null) {
        return;
      }
      ScheduledFuture<?> expiry =
          executor.schedule(
              () -> {
                synchronized (lock) {
                  if (reservation != null && reservation.offer() == offer) {
                    reservation = null;
                  }
                }
              },
              settings.joinTimeout().toMillis() + 10_000,
              TimeUnit.MILLISECONDS);
      reservation = new Reservation(offer, expiry);
    }
    try {
      coordination.send(CoordinationMessage.join(offer.runId(), replica()));
    } catch (RuntimeException e) {
      LOG.warnf("cannot join load run %s: %s", offer.runId(), e.getMessage());
    }
  }

  private void onStart(CoordinationMessage start) {
    CoordinationMessage offer;
    LoadRun run;
    synchronized (lock) {
      if (reservation == null || !reservation.offer().runId().equals(start.runId())) {
        return;
      }
      offer = reservation.offer();
      reservation.expiry().cancel(false);
      reservation = null;
      int index = start.participants().indexOf(replica());
      if (index < 0 || active != null) {
        return;
      }
      LoadPlan plan = LoadPlan.of(offer.profile());
      run = new LoadRun(start.runId(), plan, offer.replicas(), false, Instant.now());
      run.participants(start.participants());
      remember(run);
      active = run;
      meters.running(true);
    }
    int index = start.participants().indexOf(replica());
    startShare(
        run, run.plan().share(index, start.participants().size()), start.startAtEpochMillis());
  }

  private void onResult(CoordinationMessage m) {
    LoadRun run = runs.get(m.runId());
    if (run == null || !run.coordinator() || run.status().ended()) {
      return;
    }
    if (m.result() != null) {
      if (run.addShare(m.result()) && run.shares().containsKey(replica())) {
        complete(run);
      }
    } else {
      LOG.warnf("load run %s: replica %s failed: %s", m.runId(), m.from(), m.failure());
    }
  }

  @Override
  public void close() {
    LoadRun running;
    synchronized (lock) {
      running = active;
    }
    if (running != null) {
      stopLocally(running);
    }
    executor.shutdownNow();
  }

  /** For views: the shares received so far by replica. */
  public static Map<String, Long> requestsByReplica(LoadRun run) {
    Map<String, Long> map = new LinkedHashMap<>();
    run.shares().forEach((k, v) -> map.put(k, v.requests()));
    return map;
  }
}
