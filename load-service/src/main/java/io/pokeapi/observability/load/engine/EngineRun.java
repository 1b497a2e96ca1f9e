package io.pokeapi.observability.load.engine;

import com.sun.management.OperatingSystemMXBean;
import io.pokeapi.observability.load.metrics.LoadMeters;
import io.pokeapi.observability.load.profile.LoadModel;
import io.pokeapi.observability.load.profile.LoadPlan;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.jboss.logging.Logger;

/**
 * One share of a load run on this engine: the loop workers, and the sampler that reads them every
 * second (the timeline, live progress, saturation) and ends the run. Results are exact merges of
 * the loops' interval histograms.
 */
public final class EngineRun {

  private static final Logger LOG = Logger.getLogger(EngineRun.class);
  private static final long SECOND = 1_000_000_000L;
  private static final long STOP_DRAIN_NANOS = 2 * SECOND;
  private static final OperatingSystemMXBean OS =
      ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);

  private final Vertx vertx;
  private final LoadPlan plan;
  private final String replica;
  private final EngineSettings settings;
  private final LoadMeters meters;
  private final boolean nativeTransport;
  private final LoopWorker[] workers;
  private final List<String> deployments = new ArrayList<>();
  private final RunClock clock = new RunClock();
  private final long requestedStartNanos;
  private long startNanos;
  private long measureStart = Long.MAX_VALUE;
  private long measureEnd = Long.MAX_VALUE;
  private final CompletableFuture<ShareResult> result = new CompletableFuture<>();
  private ScheduledFuture<?> sampling;

  // guarded by this
  private final Histogram total = Histograms.create();
  private final Histogram wait = Histograms.create();
  private final Histogram[] endpointTotals;
  private final Histogram[] recycledLatency;
  private final Histogram[] recycledWait;
  private final Histogram[][] recycledEndpoint;
  private final long[] lastKinds = new long[FailureKind.ALL.length];
  private long lastDropped;
  private final List<ShareResult.SecondResult> timeline = new ArrayList<>();
  private int saturatedSeconds;
  private int delaySeconds;
  private int cpuSeconds;
  private long worstDelay;
  private double maxCpu;
  private long lastSecondRequests;
  private long nextBoundary;
  private long endedAt;
  private long drainDeadline;
  private boolean draining;
  private volatile boolean stopRequested;
  private volatile boolean done;

  EngineRun(
      Vertx vertx,
      ScheduledExecutorService sampler,
      LoadPlan plan,
      String replica,
      EngineSettings settings,
      LoadMeters meters,
      long startEpochMillis) {
    this.vertx = vertx;
    this.plan = plan;
    this.replica = replica;
    this.settings = settings;
    this.meters = meters;
    this.nativeTransport = vertx.isNativeTransportEnabled();
    long delayMillis = Math.max(0, startEpochMillis - System.currentTimeMillis());
    this.requestedStartNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
    int loops = settings.resolvedEventLoops();
    int endpoints = plan.endpoints().size();
    this.workers = new LoopWorker[loops];
    this.endpointTotals = new Histogram[endpoints];
    this.recycledLatency = new Histogram[loops];
    this.recycledWait = new Histogram[loops];
    this.recycledEndpoint = new Histogram[loops][endpoints];
    for (int e = 0; e < endpoints; e++) {
      endpointTotals[e] = Histograms.create();
    }
    long seed = System.nanoTime() ^ ((long) replica.hashCode() << 32);
    for (int i = 0; i < loops; i++) {
      workers[i] =
          new LoopWorker(plan, i, loops, clock, meters, seed + 0x9E3779B97F4A7C15L * (i + 1));
    }
    List<Future<String>> deployed = new ArrayList<>();
    for (LoopWorker worker : workers) {
      deployed.add(vertx.deployVerticle(worker, new DeploymentOptions()));
    }
    Future.all(deployed)
        .onComplete(
            all -> {
              for (Future<String> f : deployed) {
                if (f.succeeded()) {
                  synchronized (deployments) {
                    deployments.add(f.result());
                  }
                }
              }
              if (all.failed()) {
                LOG.errorf(all.cause(), "load run %s could not start its event loops", plan.name());
                done = true;
                result.completeExceptionally(all.cause());
                undeploy();
              } else {
                begin();
              }
            });
    sampling = sampler.scheduleAtFixedRate(this::sample, 100, 100, TimeUnit.MILLISECONDS);
  }

  /**
   * Every loop is ready: the run starts now, or at the requested (common) start if that is later,
   * so that a slow deployment (class loading on a busy machine) never eats into the measured time.
   */
  private synchronized void begin() {
    startNanos = Math.max(System.nanoTime(), requestedStartNanos);
    measureStart = startNanos + plan.schedule().warmupNanos();
    measureEnd = startNanos + plan.schedule().endNanos();
    nextBoundary = measureStart + SECOND;
    clock.start(startNanos);
  }

  /** The result once the share has ended and drained. */
  public CompletableFuture<ShareResult> result() {
    return result;
  }

  /** The plan this share runs. */
  public LoadPlan plan() {
    return plan;
  }

  /** Stops sending now; what is in flight gets a short while to finish. */
  public void stop() {
    stopRequested = true;
  }

  /** Whether the share has ended. */
  public boolean done() {
    return done;
  }

  /** Whether the engine's event loops run on the native (epoll) transport. */
  public boolean nativeTransport() {
    return nativeTransport;
  }

  private void sample() {
    if (done) {
      return;
    }
    try {
      synchronized (this) {
        long now = System.nanoTime();
        if (!clock.started()) {
          if (stopRequested) {
            // stopped before the loops were ready: nothing ran
            draining = true;
            endedAt = now;
            measureStart = now;
            finish(now);
          }
          return;
        }
        while (now >= nextBoundary && nextBoundary <= measureEnd && !draining) {
          closeSecond(now);
          nextBoundary += SECOND;
        }
        if (!draining && (now >= measureEnd || stopRequested)) {
          draining = true;
          endedAt = Math.min(now, measureEnd);
          drainDeadline =
              now + (stopRequested ? STOP_DRAIN_NANOS : plan.timeoutMillis() * 1_000_000L + SECOND);
          if (stopRequested) {
            for (LoopWorker worker : workers) {
              worker.stopSending();
            }
          }
        }
        if (draining && ((allFinished() && inFlight() == 0) || now >= drainDeadline)) {
          finish(now);
        }
      }
    } catch (RuntimeException e) {
      LOG.errorf(e, "load run %s: the sampler failed", plan.name());
      done = true;
      sampling.cancel(false);
      undeploy();
      result.completeExceptionally(e);
    }
  }

  private boolean allFinished() {
    for (LoopWorker worker : workers) {
      if (!worker.finished) {
        return false;
      }
    }
    return true;
  }

  private int inFlight() {
    int sum = 0;
    for (LoopWorker worker : workers) {
      sum += worker.inFlight;
    }
    return sum;
  }

  /** Reads every loop's interval into a new second of the timeline. */
  private void closeSecond(long now) {
    Histogram second = Histograms.create();
    collectIntervals(second);
    long[] kinds = kindTotals();
    long requests = 0;
    Map<String, Long> errors = new TreeMap<>();
    for (int k = 0; k < kinds.length; k++) {
      long delta = kinds[k] - lastKinds[k];
      requests += delta;
      if (k != FailureKind.OK.ordinal() && delta > 0) {
        errors.put(FailureKind.ALL[k].wireName(), delta);
      }
      lastKinds[k] = kinds[k];
    }
    lastSecondRequests = requests;
    long delay = 0;
    int users = 0;
    long droppedNow = 0;
    for (LoopWorker worker : workers) {
      delay = Math.max(delay, worker.maxLoopDelay.getAndSet(0));
      users += worker.activeUsers;
      droppedNow += worker.dropped.get();
    }
    meters.dropped(droppedNow - lastDropped);
    lastDropped = droppedNow;
    double cpu = OS.getProcessCpuLoad();
    if (Double.isNaN(cpu) || cpu < 0) {
      cpu = 0;
    }
    boolean delayed = delay > settings.maxLoopDelay().toNanos();
    boolean busy = cpu > settings.maxCpu();
    boolean saturated = delayed || busy;
    if (saturated) {
      saturatedSeconds++;
    }
    if (delayed) {
      delaySeconds++;
    }
    if (busy) {
      cpuSeconds++;
    }
    worstDelay = Math.max(worstDelay, delay);
    maxCpu = Math.max(maxCpu, cpu);
    Double targetRate =
        plan.model() == LoadModel.OPEN
            ? plan.schedule().valueAt(Math.min(now, measureEnd) - startNanos) / plan.shareCount()
            : null;
    timeline.add(
        new ShareResult.SecondResult(
            timeline.size() + 1,
            users,
            targetRate,
            requests,
            errors,
            Histograms.encode(second),
            delay / 1e6,
            cpu,
            saturated));
    meters.users(users);
    meters.saturated(saturated);
    meters.loopDelay(delay);
  }

  private void collectIntervals(Histogram second) {
    for (int i = 0; i < workers.length; i++) {
      LoopWorker worker = workers[i];
      recycledLatency[i] = worker.latency.getIntervalHistogram(recycledLatency[i]);
      second.add(recycledLatency[i]);
      recycledWait[i] = worker.connectionWait.getIntervalHistogram(recycledWait[i]);
      wait.add(recycledWait[i]);
      for (int e = 0; e < endpointTotals.length; e++) {
        recycledEndpoint[i][e] =
            worker.endpointLatency[e].getIntervalHistogram(recycledEndpoint[i][e]);
        endpointTotals[e].add(recycledEndpoint[i][e]);
      }
    }
    total.add(second);
  }

  private long[] kindTotals() {
    long[] sums = new long[FailureKind.ALL.length];
    int kinds = FailureKind.ALL.length;
    for (LoopWorker worker : workers) {
      for (int i = 0; i < worker.kindCounts.length(); i++) {
        sums[i % kinds] += worker.kindCounts.get(i);
      }
    }
    return sums;
  }

  private void finish(long now) {
    sampling.cancel(false);
    undeployAndWait();
    // what completed since the last whole second goes into the last second of the timeline
    Histogram rest = Histograms.create();
    collectIntervals(rest);
    long[] kinds = kindTotals();
    long requests = 0;
    Map<String, Long> errors = new TreeMap<>();
    for (int k = 0; k < kinds.length; k++) {
      long delta = kinds[k] - lastKinds[k];
      requests += delta;
      if (k != FailureKind.OK.ordinal() && delta > 0) {
        errors.put(FailureKind.ALL[k].wireName(), delta);
      }
      lastKinds[k] = kinds[k];
    }
    if (requests > 0 || timeline.isEmpty()) {
      if (timeline.isEmpty()) {
        int users = 0;
        for (LoopWorker worker : workers) {
          users += worker.activeUsers;
        }
        timeline.add(
            new ShareResult.SecondResult(
                1,
                users,
                plan.model() == LoadModel.OPEN
                    ? plan.schedule().valueAt(endedAt - startNanos) / plan.shareCount()
                    : null,
                requests,
                errors,
                Histograms.encode(rest),
                0,
                0,
                false));
      } else {
        ShareResult.SecondResult last = timeline.remove(timeline.size() - 1);
        Histogram merged = Histograms.decode(last.histogram());
        merged.add(rest);
        Map<String, Long> mergedErrors = new TreeMap<>(last.errorsByKind());
        errors.forEach((k, v) -> mergedErrors.merge(k, v, Long::sum));
        timeline.add(
            new ShareResult.SecondResult(
                last.second(),
                last.users(),
                last.targetRate(),
                last.requests() + requests,
                mergedErrors,
                Histograms.encode(merged),
                last.loopDelayMs(),
                last.cpu(),
                last.saturated()));
      }
    }
    long droppedNow = 0;
    for (LoopWorker worker : workers) {
      droppedNow += worker.dropped.get();
    }
    meters.dropped(droppedNow - lastDropped);
    lastDropped = droppedNow;
    meters.users(0);
    meters.saturated(false);
    done = true;
    result.complete(snapshot(true));
  }

  private void undeployAndWait() {
    List<String> ids;
    synchronized (deployments) {
      ids = new ArrayList<>(deployments);
      deployments.clear();
    }
    List<Future<Void>> undeployed = new ArrayList<>();
    for (String id : ids) {
      undeployed.add(vertx.undeploy(id));
    }
    try {
      Future.all(undeployed).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debugf(e, "load run %s: undeploying its event loop workers", plan.name());
    }
  }

  private void undeploy() {
    List<String> ids;
    synchronized (deployments) {
      ids = new ArrayList<>(deployments);
      deployments.clear();
    }
    for (String id : ids) {
      vertx.undeploy(id);
    }
  }

  /** What the share measured so far (or in all, once done). */
  public synchronized ShareResult snapshot() {
    return snapshot(done);
  }

  private ShareResult snapshot(boolean finalResult) {
    long[] kinds = new long[FailureKind.ALL.length];
    int endpointsCount = plan.endpoints().size();
    List<ShareResult.EndpointResult> endpoints = new ArrayList<>();
    for (int e = 0; e < endpointsCount; e++) {
      Map<String, Long> statuses = new TreeMap<>();
      long requests = 0;
      long errors = 0;
      for (LoopWorker worker : workers) {
        for (int s = 0; s < StatusSlots.COUNT; s++) {
          long count = worker.statusCounts.get(e * StatusSlots.COUNT + s);
          if (count > 0) {
            statuses.merge(StatusSlots.label(s), count, Long::sum);
          }
        }
        for (int k = 0; k < FailureKind.ALL.length; k++) {
          long count = worker.kindCounts.get(e * FailureKind.ALL.length + k);
          kinds[k] += count;
          requests += count;
          if (k != FailureKind.OK.ordinal()) {
            errors += count;
          }
        }
      }
      endpoints.add(
          new ShareResult.EndpointResult(
              plan.endpoints().get(e),
              requests,
              statuses,
              errors,
              Histograms.encode(endpointTotals[e])));
    }
    long requests = 0;
    Map<String, Long> errorsByKind = new TreeMap<>();
    for (int k = 0; k < kinds.length; k++) {
      requests += kinds[k];
      if (k != FailureKind.OK.ordinal() && kinds[k] > 0) {
        errorsByKind.put(FailureKind.ALL[k].wireName(), kinds[k]);
      }
    }
    long dropped = 0;
    long warmup = 0;
    for (LoopWorker worker : workers) {
      dropped += worker.dropped.get();
      warmup += worker.warmupRequests.get();
    }
    long now = System.nanoTime();
    long end = finalResult || draining ? endedAt : Math.min(now, measureEnd);
    if (!clock.started()) {
      end = 0;
    }
    double measuredSeconds = Math.max(0, end - measureStart) / 1e9;
    int measured = timeline.size();
    String invalid = finalResult ? invalidReason(measured) : null;
    ShareResult.Saturation saturation =
        new ShareResult.Saturation(
            saturatedSeconds,
            measured,
            worstDelay / 1e6,
            maxCpu,
            settings.maxLoopDelay().toNanos() / 1e6,
            settings.maxCpu(),
            invalid);
    return new ShareResult(
        replica,
        plan.shareIndex(),
        measuredSeconds,
        requests,
        errorsByKind,
        dropped,
        warmup,
        Histograms.encode(total),
        Histograms.encode(wait),
        endpoints,
        List.copyOf(timeline),
        saturation,
        nativeTransport);
  }

  private String invalidReason(int measured) {
    if (measured == 0 || saturatedSeconds <= settings.maxSaturatedFraction() * measured) {
      return null;
    }
    List<String> why = new ArrayList<>();
    if (delaySeconds > 0) {
      why.add(
          String.format(
              Locale.ROOT,
              "event-loop delay above %.0f ms in %d of them (worst %.1f ms)",
              settings.maxLoopDelay().toNanos() / 1e6,
              delaySeconds,
              worstDelay / 1e6));
    }
    if (cpuSeconds > 0) {
      why.add(
          String.format(
              Locale.ROOT,
              "process CPU above %.0f%% of the machine in %d of them (highest %.0f%%)",
              settings.maxCpu() * 100,
              cpuSeconds,
              maxCpu * 100));
    }
    return String.format(
        Locale.ROOT,
        "the load generator was saturated in %d of %d measured seconds (more than %.0f%%): %s",
        saturatedSeconds,
        measured,
        settings.maxSaturatedFraction() * 100,
        String.join("; ", why));
  }

  /** Live progress of this share. */
  public synchronized LiveProgress progress() {
    long now = System.nanoTime();
    long[] kinds = kindTotals();
    long requests = 0;
    long errors = 0;
    Map<String, Long> errorsByKind = new LinkedHashMap<>();
    for (int k = 0; k < kinds.length; k++) {
      requests += kinds[k];
      if (k != FailureKind.OK.ordinal() && kinds[k] > 0) {
        errors += kinds[k];
        errorsByKind.put(FailureKind.ALL[k].wireName(), kinds[k]);
      }
    }
    int users = 0;
    long dropped = 0;
    for (LoopWorker worker : workers) {
      users += worker.activeUsers;
      dropped += worker.dropped.get();
    }
    long end = draining || done ? endedAt : Math.min(now, measureEnd);
    double elapsed = clock.started() ? Math.max(0, end - measureStart) / 1e9 : 0;
    Double targetRate =
        plan.model() == LoadModel.OPEN && !done && clock.started()
            ? plan.schedule().valueAt(Math.max(0, Math.min(now, measureEnd) - startNanos))
                / plan.shareCount()
            : null;
    return new LiveProgress(
        elapsed,
        done ? 0 : users,
        targetRate,
        requests,
        lastSecondRequests,
        errors,
        errorsByKind,
        dropped,
        Histograms.percentiles(total));
  }
}
