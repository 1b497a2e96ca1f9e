package io.pokeapi.observability.load.run;

import io.pokeapi.observability.common.contract.LoadRunSummary;
import io.pokeapi.observability.load.engine.EngineRun;
import io.pokeapi.observability.load.engine.ShareResult;
import io.pokeapi.observability.load.profile.LoadPlan;
import io.pokeapi.observability.load.report.RunResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One load run as this replica knows it: the one it accepted (coordinator) or the one it joined.
 * Mutable state is guarded by the instance.
 */
public final class LoadRun {

  private final UUID id;
  private final LoadPlan plan;
  private final int replicasWanted;
  private final boolean coordinator;
  private final Instant createdAt;
  private volatile LoadRunStatus status = LoadRunStatus.STARTING;
  private volatile Instant startedAt;
  private volatile Instant finishedAt;
  private volatile String failure;
  private volatile EngineRun engineRun;
  private volatile RunResult result;
  private volatile LoadRunSummary summary;
  private volatile boolean stopRequested;
  private final List<String> participants = new ArrayList<>();
  private final Map<String, ShareResult> shares = new LinkedHashMap<>();

  LoadRun(UUID id, LoadPlan plan, int replicasWanted, boolean coordinator, Instant createdAt) {
    this.id = id;
    this.plan = plan;
    this.replicasWanted = replicasWanted;
    this.coordinator = coordinator;
    this.createdAt = createdAt;
  }

  public UUID id() {
    return id;
  }

  public LoadPlan plan() {
    return plan;
  }

  public int replicasWanted() {
    return replicasWanted;
  }

  public boolean coordinator() {
    return coordinator;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public LoadRunStatus status() {
    return status;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public String failure() {
    return failure;
  }

  public EngineRun engineRun() {
    return engineRun;
  }

  /** The merged result once the run has ended (null before, or when it failed to run). */
  public RunResult result() {
    return result;
  }

  /** The summary published for it (coordinator only). */
  public LoadRunSummary summary() {
    return summary;
  }

  public boolean stopRequested() {
    return stopRequested;
  }

  /** The replicas that run it, this one first when it is the coordinator. */
  public synchronized List<String> participants() {
    return List.copyOf(participants);
  }

  synchronized void participants(List<String> replicas) {
    participants.clear();
    participants.addAll(replicas);
  }

  /** The shares received so far, by replica (the coordinator's own included). */
  public synchronized Map<String, ShareResult> shares() {
    return new LinkedHashMap<>(shares);
  }

  /** Adds a share's result; true when every participant has reported. */
  synchronized boolean addShare(ShareResult share) {
    shares.put(share.replica(), share);
    return shares.keySet().containsAll(participants);
  }

  synchronized void running(EngineRun run, Instant started) {
    this.engineRun = run;
    this.startedAt = started;
    if (status == LoadRunStatus.STARTING) {
      status = LoadRunStatus.RUNNING;
    }
  }

  void requestStop() {
    stopRequested = true;
  }

  synchronized void finished(RunResult result, LoadRunSummary summary, Instant at) {
    this.result = result;
    this.summary = summary;
    this.finishedAt = at;
    this.status = stopRequested ? LoadRunStatus.STOPPED : LoadRunStatus.COMPLETED;
  }

  synchronized void failed(String why, Instant at) {
    this.failure = why;
    this.finishedAt = at;
    this.status = LoadRunStatus.FAILED;
  }
}
