package io.pokeapi.observability.probe.run;

import io.pokeapi.observability.common.contract.CheckStatus;
import io.pokeapi.observability.common.contract.RunTotals;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The live state of one run: thread-safe, updated by the suite as it goes. */
public final class Run {

  private final UUID id;
  private final RunRequest request;
  private final List<String> endpoints;
  private final Instant startedAt;
  private final AtomicReference<RunState> state = new AtomicReference<>(RunState.RUNNING);
  private final AtomicReference<Instant> finishedAt = new AtomicReference<>();
  private final AtomicReference<String> error = new AtomicReference<>();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong passed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong planned = new AtomicLong();
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong flaky = new AtomicLong();
  private final AtomicLong capturesPublished = new AtomicLong();
  private volatile boolean cancelRequested;
  private volatile Thread worker;

  Run(UUID id, RunRequest request, List<String> endpoints, Instant startedAt) {
    this.id = id;
    this.request = request;
    this.endpoints = List.copyOf(endpoints);
    this.startedAt = startedAt;
  }

  public UUID id() {
    return id;
  }

  public Suite suite() {
    return request.suite();
  }

  public RunRequest request() {
    return request;
  }

  /** The endpoints the run probes. */
  public List<String> endpoints() {
    return endpoints;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Optional<Instant> finishedAt() {
    return Optional.ofNullable(finishedAt.get());
  }

  public RunState state() {
    return state.get();
  }

  /** Why the run failed, when it did. */
  public Optional<String> error() {
    return Optional.ofNullable(error.get());
  }

  /** Whether someone asked to cancel the run. */
  public boolean cancelRequested() {
    return cancelRequested;
  }

  public RunProgress progress() {
    return new RunProgress(
        requests.get(), passed.get(), failed.get(), skipped.get(), planned.get(), done.get());
  }

  public RunTotals totals() {
    return new RunTotals(requests.get(), passed.get(), failed.get(), skipped.get());
  }

  /** Checks of this run that failed, then passed on a rerun. */
  public long flaky() {
    return flaky.get();
  }

  /** {@code ApiResponseCaptured} records of this run the broker acknowledged so far. */
  public long capturesPublished() {
    return capturesPublished.get();
  }

  /**
   * What the run found: {@code pending} while it runs, {@code failed} when any check failed, {@code
   * passed} when it completed with no failed check, {@code incomplete} when it ended otherwise
   * (cancelled, broken, aborted) with no failed check.
   */
  public String verdict() {
    RunState current = state.get();
    if (failed.get() > 0) {
      return "failed";
    }
    if (current == RunState.RUNNING) {
      return "pending";
    }
    return current == RunState.COMPLETED ? "passed" : "incomplete";
  }

  private final Object deferredLock = new Object();
  private int deferredChecks;

  /** A check's result will be recorded once its captures are acknowledged. */
  void checkDeferred() {
    synchronized (deferredLock) {
      deferredChecks++;
    }
  }

  void deferredCheckDone() {
    synchronized (deferredLock) {
      deferredChecks--;
      deferredLock.notifyAll();
    }
  }

  /**
   * Waits until every deferred check result has been recorded, at most {@code timeout}.
   *
   * @return whether they all were
   */
  boolean awaitDeferredChecks(java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (deferredLock) {
      while (deferredChecks > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(deferredLock, left);
      }
      return true;
    }
  }

  void captureAcknowledged() {
    capturesPublished.incrementAndGet();
  }

  void flakyCheck() {
    flaky.incrementAndGet();
  }

  /** A run that ended before this process started, as its {@code RunFinished} told. */
  static Run restored(
      UUID id,
      RunRequest request,
      List<String> endpoints,
      Instant startedAt,
      RunState end,
      Instant finishedAt,
      RunTotals totals,
      Long capturesPublished,
      String why) {
    Run run = new Run(id, request, endpoints, startedAt);
    run.requests.set(totals.requests());
    run.passed.set(totals.passed());
    run.failed.set(totals.failed());
    run.skipped.set(totals.skipped());
    run.capturesPublished.set(capturesPublished == null ? 0 : capturesPublished);
    run.finish(end, finishedAt, why);
    return run;
  }

  void requestsMade(int count) {
    requests.addAndGet(count);
  }

  void checkRecorded(CheckStatus status) {
    switch (status) {
      case PASSED -> passed.incrementAndGet();
      case FAILED -> failed.incrementAndGet();
      default -> skipped.incrementAndGet();
    }
  }

  void plan(long items) {
    planned.addAndGet(items);
  }

  void itemDone() {
    done.incrementAndGet();
  }

  void runsOn(Thread thread) {
    this.worker = thread;
  }

  /** Asks the run to stop; returns false when it had already ended. */
  boolean requestCancel() {
    if (state.get().finished()) {
      return false;
    }
    cancelRequested = true;
    Thread t = worker;
    if (t != null) {
      t.interrupt();
    }
    return true;
  }

  /** Ends the run; only the first call counts. */
  boolean finish(RunState end, Instant at, String why) {
    if (state.compareAndSet(RunState.RUNNING, end)) {
      finishedAt.set(at);
      error.set(why);
      return true;
    }
    return false;
  }
}
