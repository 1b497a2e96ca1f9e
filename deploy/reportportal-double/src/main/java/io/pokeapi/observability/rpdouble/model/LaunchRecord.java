package io.pokeapi.observability.rpdouble.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A launch as the double holds it. Mutated only on the double's event loop. */
public final class LaunchRecord {

  final long id;
  final long number;
  final String uuid;
  final String name;
  final Instant startTime;
  final String mode;
  final Set<Attribute> attributes = new LinkedHashSet<>();
  final List<String> rootItems = new ArrayList<>();
  final List<String> logs = new ArrayList<>();
  final List<String> requestLog = new ArrayList<>();
  String description;
  Instant endTime;
  Status status = Status.IN_PROGRESS;
  int finishAttempts;
  int interruptedItems;

  LaunchRecord(
      long id,
      long number,
      String uuid,
      String name,
      String description,
      Instant startTime,
      String mode) {
    this.id = id;
    this.number = number;
    this.uuid = uuid;
    this.name = name;
    this.description = description;
    this.startTime = startTime;
    this.mode = mode;
  }

  public long id() {
    return id;
  }

  public long number() {
    return number;
  }

  public String uuid() {
    return uuid;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public Instant startTime() {
    return startTime;
  }

  public Instant endTime() {
    return endTime;
  }

  public Status status() {
    return status;
  }

  public String mode() {
    return mode;
  }

  public Set<Attribute> attributes() {
    return attributes;
  }

  public List<String> rootItems() {
    return rootItems;
  }

  public List<String> logs() {
    return logs;
  }

  /** Every accepted request that changed this launch, in order ("start item x", "log y"...). */
  public List<String> requestLog() {
    return requestLog;
  }

  /** Finish requests refused because the launch was already finished. */
  public int finishAttempts() {
    return finishAttempts;
  }

  /** Items still in progress when the launch (or their parent) finished, closed as INTERRUPTED. */
  public int interruptedItems() {
    return interruptedItems;
  }

  public boolean finished() {
    return status != Status.IN_PROGRESS;
  }
}
