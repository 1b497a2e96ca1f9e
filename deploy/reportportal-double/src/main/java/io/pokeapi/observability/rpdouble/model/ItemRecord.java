package io.pokeapi.observability.rpdouble.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A test item as the double holds it. Mutated only on the double's event loop. */
public final class ItemRecord extends StartedRecord {

  final String launchUuid;
  final String parentUuid;
  final ItemType type;
  final String description;
  final List<String> children = new ArrayList<>();
  final boolean hasStats;
  final String codeRef;
  final String testCaseId;
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
    super(id, uuid, name, startTime);
    this.launchUuid = launchUuid;
    this.parentUuid = parentUuid;
    this.type = type;
    this.description = description;
    this.hasStats = hasStats;
    this.codeRef = codeRef;
    this.testCaseId = testCaseId;
  }

  public String launchUuid() {
    return launchUuid;
  }

  public String parentUuid() {
    return parentUuid;
  }

  public ItemType type() {
    return type;
  }

  public String description() {
    return description;
  }

  public List<String> children() {
    return children;
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
}
