package io.pokeapi.observability.rpdouble.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What launches and test items have alike: started with a name and attributes, logged to, finished
 * with a status. Mutated only on the double's event loop.
 */
public abstract sealed class StartedRecord permits LaunchRecord, ItemRecord {

  final long id;
  final String uuid;
  final String name;
  final Instant startTime;
  final Set<Attribute> attributes = new LinkedHashSet<>();
  final List<String> logs = new ArrayList<>();
  Instant endTime;
  Status status = Status.IN_PROGRESS;

  StartedRecord(long id, String uuid, String name, Instant startTime) {
    this.id = id;
    this.uuid = uuid;
    this.name = name;
    this.startTime = startTime;
  }

  public long id() {
    return id;
  }

  public String uuid() {
    return uuid;
  }

  public String name() {
    return name;
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

  public Set<Attribute> attributes() {
    return attributes;
  }

  public List<String> logs() {
    return logs;
  }

  public boolean finished() {
    return status != Status.IN_PROGRESS;
  }
}
