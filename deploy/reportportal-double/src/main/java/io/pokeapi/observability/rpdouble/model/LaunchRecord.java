package io.pokeapi.observability.rpdouble.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A launch as the double holds it. Mutated only on the double's event loop. */
public final class LaunchRecord extends StartedRecord {

  final long number;
  final String mode;
  final List<String> rootItems = new ArrayList<>();
  final List<String> requestLog = new ArrayList<>();
  String description;
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
    super(id, uuid, name, startTime);
    this.number = number;
    this.description = description;
    this.mode = mode;
  }

  public long number() {
    return number;
  }

  public String description() {
    return description;
  }

  public String mode() {
    return mode;
  }

  public List<String> rootItems() {
    return rootItems;
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
}
