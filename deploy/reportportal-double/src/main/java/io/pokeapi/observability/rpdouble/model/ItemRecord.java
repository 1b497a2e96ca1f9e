package io.pokeapi.observability.rpdouble.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A test item as the double holds it. Mutated only on the double's event loop. */
public final class ItemRecord {

  final long id;
  final String uuid;
  final String launchUuid;
  final String parentUuid;
  final String name;
  final ItemType type;
  final Instant startTime;
  final String description;
  final Set<Attribute> attributes = new LinkedHashSet<>();
  final List<String> children = new ArrayList<>();
  final List<String> logs = new ArrayList<>();
  final boolean hasStats;
  final String codeRef;
  final String testCaseId;
  Instant endTime;
  Status status = Status.IN_PROGRESS;
  String issueType;
  String issueComment;
  int finishCount;
  boolean interrupted;

  ItemRecord(
      long id,
      String uuid,
      String launchUuid,
      String parentUuid,
      String name,
      ItemType type,
      Instant startTime,
      String description,
      boolean hasStats,
      String codeRef,
      String testCaseId) {
    this.id = id;
    this.uuid = uuid;
    this.launchUuid = launchUuid;
    this.parentUuid = parentUuid;
    this.name = name;
    this.type = type;
    this.startTime = startTime;
    this.description = description;
    this.hasStats = hasStats;
    this.codeRef = codeRef;
    this.testCaseId = testCaseId;
  }

  public long id() {
    return id;
  }

  public String uuid() {
    return uuid;
  }

  public String launchUuid() {
    return launchUuid;
  }

  public String parentUuid() {
    return parentUuid;
  }

  public String name() {
    return name;
  }

  public ItemType type() {
    return type;
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

  public String description() {
    return description;
  }

  public Set<Attribute> attributes() {
    return attributes;
  }

  public List<String> children() {
    return children;
  }

  public List<String> logs() {
    return logs;
  }

  public String issueType() {
    return issueType;
  }

  public String issueComment() {
    return issueComment;
  }

  public int finishCount() {
    return finishCount;
  }

  public boolean interrupted() {
    return interrupted;
  }

  public String codeRef() {
    return codeRef;
  }

  public String testCaseId() {
    return testCaseId;
  }

  public boolean finished() {
    return status != Status.IN_PROGRESS;
  }
}
