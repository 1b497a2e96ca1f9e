package io.pokeapi.observability.rpdouble.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The double's memory of launches, items and logs, and the rules of the real server it enforces.
 * Every rule names the service-api code it follows in README.md; rules marked "double" there are
 * stricter than the server so that a reporter that relies on the server's leniency fails here. Used
 * from one event loop only.
 */
public final class ReportStore {

  /** Defect type locators every project has (service-api {@code TestItemIssueGroup}). */
  public static final Set<String> ISSUE_LOCATORS =
      Set.of("pb001", "ab001", "si001", "ti001", "nd001", "not_issue");

  private static final int MAX_LAUNCH_NAME = 256;
  private static final int MAX_ITEM_NAME = 1024;
  private static final int MAX_DESCRIPTION = 65536;
  private static final Pattern LOG_LEVEL = Pattern.compile("^[A-Za-z0-9 ]+$");
  private static final Set<String> LOG_LEVELS =
      Set.of("error", "warn", "info", "debug", "trace", "fatal", "unknown");

  private final Map<String, LaunchRecord> launches = new LinkedHashMap<>();
  private final Map<Long, LaunchRecord> launchesById = new LinkedHashMap<>();
  private final Map<String, ItemRecord> items = new LinkedHashMap<>();
  private final Map<String, LogEntry> logs = new LinkedHashMap<>();
  private long nextLaunchId = 1;
  private long nextItemId = 1;

  public Collection<LaunchRecord> launches() {
    return launches.values();
  }

  public LaunchRecord launch(String uuid) {
    return launches.get(uuid);
  }

  public LaunchRecord launchById(long id) {
    return launchesById.get(id);
  }

  public ItemRecord item(String uuid) {
    return items.get(uuid);
  }

  public LogEntry log(String uuid) {
    return logs.get(uuid);
  }

  /** Forgets everything (tests and e2e steps start clean). */
  public void clear() {
    launches.clear();
    launchesById.clear();
    items.clear();
    logs.clear();
  }

  // ---------------------------------------------------------------------------------- launches

  /** {@code POST /api/v{1,2}/{project}/launch}. */
  public LaunchRecord startLaunch(JsonNode rq) {
    String name = text(rq, "name");
    if (name == null || name.isBlank() || name.length() > MAX_LAUNCH_NAME) {
      throw RpError.incorrect(
          "Field 'name' should have size from '1' to '" + MAX_LAUNCH_NAME + "'.");
    }
    Instant start = Times.required(rq, "startTime");
    String description = description(rq);
    String mode = text(rq, "mode");
    if (mode != null && !mode.equals("DEFAULT") && !mode.equals("DEBUG")) {
      throw RpError.incorrect("Field 'mode' must be DEFAULT or DEBUG, was '" + mode + "'.");
    }
    if (rq.path("rerun").asBoolean(false)) {
      throw RpError.badRequest("the double does not implement reruns");
    }
    String uuid = newUuid(rq);
    if (launches.containsKey(uuid)) {
      throw RpError.alreadyExists(uuid);
    }
    long id = nextLaunchId++;
    LaunchRecord launch =
        new LaunchRecord(id, id, uuid, name, description, start, mode == null ? "DEFAULT" : mode);
    launch.attributes.addAll(attributes(rq));
    launches.put(uuid, launch);
    launchesById.put(id, launch);
    launch.requestLog.add("start launch");
    return launch;
  }

  /** {@code PUT /api/v{1,2}/{project}/launch/{uuid}/finish}. */
  public LaunchRecord finishLaunch(String uuid, JsonNode rq) {
    LaunchRecord launch = launches.get(uuid);
    if (launch == null) {
      throw RpError.launchNotFound(uuid);
    }
    if (launch.finished()) {
      launch.finishAttempts++;
      throw RpError.finishLaunchNotAllowed(
          "Launch '" + launch.id + "' already finished with status '" + launch.status + "'");
    }
    Instant end = Times.required(rq, "endTime");
    if (end.isBefore(launch.startTime)) {
      throw RpError.finishBeforeStart(end, launch.startTime, uuid);
    }
    Status provided = status(rq, true);
    if (provided == Status.IN_PROGRESS || provided == Status.SKIPPED) {
      throw RpError.incorrectFinishStatus(
          "Cannot finish launch '" + launch.id + "' with status '" + provided + "'");
    }
    for (String root : launch.rootItems) {
      interruptOpen(items.get(root), end, launch);
    }
    boolean anyBad =
        launch.rootItems.stream()
            .map(items::get)
            .anyMatch(
                i ->
                    i.status != Status.PASSED
                        && i.status != Status.INFO
                        && i.status != Status.WARN);
    launch.status = provided != null ? provided : anyBad ? Status.FAILED : Status.PASSED;
    launch.endTime = end;
    String description = description(rq);
    if (description != null) {
      launch.description =
          launch.description == null ? description : launch.description + " " + description;
    }
    launch.attributes.addAll(attributes(rq));
    launch.requestLog.add("finish launch");
    return launch;
  }

  /** {@code PUT /api/v1/{project}/launch/{id}/update} (the numeric id, as the server takes it). */
  public LaunchRecord updateLaunch(long id, JsonNode rq) {
    LaunchRecord launch = launchesById.get(id);
    if (launch == null) {
      throw RpError.launchNotFound(String.valueOf(id));
    }
    if (rq.has("attributes")) {
      launch.attributes.clear();
      launch.attributes.addAll(attributes(rq));
    }
    String description = description(rq);
    if (description != null) {
      launch.description = description;
    }
    String mode = text(rq, "mode");
    if (mode != null && !mode.equals("DEFAULT") && !mode.equals("DEBUG")) {
      throw RpError.incorrect("Field 'mode' must be DEFAULT or DEBUG, was '" + mode + "'.");
    }
    launch.requestLog.add("update launch");
    return launch;
  }

  // ------------------------------------------------------------------------------------- items

  /** {@code POST /api/v{1,2}/{project}/item[/{parent}]}; {@code parentUuid} null for a root. */
  public ItemRecord startItem(String parentUuid, JsonNode rq) {
    String launchUuid = text(rq, "launchUuid");
    if (launchUuid == null) {
      launchUuid = text(rq, "launch_id");
    }
    if (launchUuid == null) {
      throw RpError.incorrect("Field 'launchUuid' should not be null.");
    }
    String name = text(rq, "name");
    if (name == null || name.isBlank() || name.length() > MAX_ITEM_NAME) {
      throw RpError.incorrect("Field 'name' should have size from '1' to '" + MAX_ITEM_NAME + "'.");
    }
    String typeText = text(rq, "type");
    if (typeText == null) {
      throw RpError.incorrect("Field 'type' should not be null.");
    }
    ItemType type = ItemType.parse(typeText);
    if (type == null) {
      throw RpError.incorrect("Field 'type' has an unsupported value '" + typeText + "'.");
    }
    Instant start = Times.required(rq, "startTime");
    String description = description(rq);
    List<Attribute> attributes = attributes(rq);
    LaunchRecord launch = launches.get(launchUuid);
    if (launch == null) {
      throw RpError.launchNotFound(launchUuid);
    }
    boolean retry = rq.path("retry").asBoolean(false) || text(rq, "retryOf") != null;
    ItemRecord parent = null;
    if (parentUuid == null) {
      if (start.isBefore(launch.startTime)) {
        throw RpError.childBeforeParent(start, launch.startTime, launch.uuid);
      }
      if (retry) {
        throw RpError.badRequest("Root test item can't be a retry.");
      }
    } else {
      parent = items.get(parentUuid);
      if (parent == null) {
        throw RpError.itemNotFound(parentUuid);
      }
      if (!parent.launchUuid.equals(launchUuid)) {
        throw RpError.badRequest(
            "parent item '" + parentUuid + "' belongs to launch '" + parent.launchUuid + "'");
      }
      boolean hasStats = !rq.has("hasStats") || rq.get("hasStats").asBoolean(true);
      if (!parent.hasStats && hasStats) {
        throw RpError.badRequest(
            "Unable to add a not nested step item, because parent item with ID = '"
                + parent.id
                + "' is a nested step");
      }
      if (start.isBefore(parent.startTime)) {
        throw RpError.childBeforeParent(start, parent.startTime, parent.uuid);
      }
      if (parent.finished()) {
        throw RpError.startItemNotAllowed("Parent item '" + parentUuid + "' is already finished");
      }
    }
    if (launch.finished()) {
      throw RpError.startItemNotAllowed("Launch '" + launchUuid + "' is already finished");
    }
    String uuid = newUuid(rq);
    if (items.containsKey(uuid)) {
      throw RpError.alreadyExists(uuid);
    }
    ItemRecord item =
        new ItemRecord(
            nextItemId++,
            uuid,
            launchUuid,
            parentUuid,
            name,
            type,
            start,
            description,
            !rq.has("hasStats") || rq.get("hasStats").asBoolean(true),
            text(rq, "codeRef"),
            text(rq, "testCaseId"));
    item.attributes.addAll(attributes);
    items.put(uuid, item);
    if (parent == null) {
      launch.rootItems.add(uuid);
    } else {
      parent.children.add(uuid);
    }
    launch.requestLog.add("start " + uuid);
    return item;
  }

  /** {@code PUT /api/v{1,2}/{project}/item/{uuid}}. */
  public ItemRecord finishItem(String uuid, JsonNode rq) {
    ItemRecord item = items.get(uuid);
    if (item == null) {
      throw RpError.itemNotFound(uuid);
    }
    Instant end = Times.required(rq, "endTime");
    if (end.isBefore(item.startTime)) {
      throw RpError.finishBeforeStart(end, item.startTime, uuid);
    }
    Status provided = status(rq, false);
    if (provided == null && !item.type.aboveStep()) {
      throw RpError.ambiguousStatus(
          "There is no status provided from request and there are no descendants to check"
              + " statistics for test item id '"
              + item.id
              + "'");
    }
    for (String child : item.children) {
      ItemRecord c = items.get(child);
      if (c.finished() && c.endTime != null && c.endTime.isAfter(end)) {
        throw RpError.finishBeforeStart(end, c.endTime, "child " + child + " of " + uuid);
      }
    }
    JsonNode issue = rq.get("issue");
    String issueType = null;
    if (issue != null && !issue.isNull()) {
      issueType = text(issue, "issueType");
      if (issueType == null) {
        issueType = text(issue, "issue_type");
      }
      if (issueType == null) {
        throw RpError.incorrect("Field 'issue.issueType' should not be null.");
      }
      if (!ISSUE_LOCATORS.contains(issueType.toLowerCase(Locale.ROOT))) {
        throw RpError.issueTypeNotFound(issueType);
      }
    }
    LaunchRecord launch = launches.get(item.launchUuid);
    if (!item.finished()) {
      for (String child : item.children) {
        interruptOpen(items.get(child), end, launch);
      }
    }
    Status status = provided;
    if (status == null) {
      status =
          item.children.stream()
                  .map(items::get)
                  .anyMatch(
                      c ->
                          c.status != Status.PASSED
                              && c.status != Status.INFO
                              && c.status != Status.WARN)
              ? Status.FAILED
              : Status.PASSED;
    }
    item.status = status;
    item.endTime = end;
    item.finishCount++;
    if (status == Status.FAILED || status == Status.SKIPPED) {
      // the server files a failed or skipped leaf as "to investigate" when no issue is sent
      item.issueType = issueType != null ? issueType.toLowerCase(Locale.ROOT) : "ti001";
      item.issueComment = issue == null ? null : text(issue, "comment");
    } else {
      item.issueType = null;
      item.issueComment = null;
    }
    item.attributes.addAll(attributes(rq));
    launch.requestLog.add("finish " + uuid);
    return item;
  }

  private void interruptOpen(ItemRecord item, Instant end, LaunchRecord launch) {
    if (item == null) {
      return;
    }
    for (String child : item.children) {
      interruptOpen(items.get(child), end, launch);
    }
    if (!item.finished()) {
      item.status = Status.INTERRUPTED;
      item.endTime = end.isBefore(item.startTime) ? item.startTime : end;
      item.interrupted = true;
      launch.interruptedItems++;
    }
  }

  // -------------------------------------------------------------------------------------- logs

  /**
   * One log of {@code POST /api/v{1,2}/{project}/log} (JSON) or of the multipart batch; {@code
   * file} holds the file part whose name matched, or null.
   */
  public LogEntry saveLog(JsonNode rq, String fileContentType, byte[] file) {
    Instant time = Times.required(rq, "time");
    String launchUuid = text(rq, "launchUuid");
    String itemUuid = text(rq, "itemUuid");
    if (itemUuid == null) {
      itemUuid = text(rq, "item_id");
    }
    String level = text(rq, "level");
    if (level != null
        && (level.length() < 3
            || level.length() > 16
            || !LOG_LEVEL.matcher(level).matches()
            || !LOG_LEVELS.contains(level.toLowerCase(Locale.ROOT)))) {
      throw RpError.incorrect(
          "[Incorrect value in save log request '" + level + "' in field 'level'.]");
    }
    if (launchUuid == null) {
      throw RpError.incorrect(
          "[Incorrect value in save log request 'null' in field 'launchUuid'.]");
    }
    LaunchRecord launch = launches.get(launchUuid);
    if (launch == null) {
      throw RpError.launchNotFound(launchUuid);
    }
    ItemRecord item = null;
    if (itemUuid != null) {
      item = items.get(itemUuid);
      if (item == null) {
        throw RpError.itemNotFound(itemUuid);
      }
      if (!item.launchUuid.equals(launchUuid)) {
        throw RpError.badRequest("item '" + itemUuid + "' is not in launch '" + launchUuid + "'");
      }
    }
    JsonNode fileNode = rq.get("file");
    String fileName = fileNode == null || fileNode.isNull() ? null : text(fileNode, "name");
    if (fileName != null && file == null) {
      throw new RpError(
          400,
          4002,
          "Binary data cannot be saved. There is no request part or file with name " + fileName);
    }
    String uuid = newUuid(rq);
    if (logs.containsKey(uuid)) {
      throw RpError.alreadyExists(uuid);
    }
    LogEntry entry =
        new LogEntry(
            uuid,
            launchUuid,
            itemUuid,
            time,
            level == null ? "unknown" : level.toLowerCase(Locale.ROOT),
            text(rq, "message"),
            fileName,
            fileName == null ? null : fileContentType,
            fileName == null ? null : file);
    logs.put(uuid, entry);
    if (item != null) {
      item.logs.add(uuid);
    } else {
      launch.logs.add(uuid);
    }
    launch.requestLog.add("log " + uuid);
    return entry;
  }

  /** Every log of a launch: launch-level ones first, then the items' in the items' order. */
  public List<LogEntry> logsOf(LaunchRecord launch) {
    List<LogEntry> out = new ArrayList<>();
    launch.logs.forEach(id -> out.add(logs.get(id)));
    for (String root : launch.rootItems) {
      collectLogs(items.get(root), out);
    }
    return out;
  }

  private void collectLogs(ItemRecord item, List<LogEntry> out) {
    item.logs.forEach(id -> out.add(logs.get(id)));
    item.children.forEach(c -> collectLogs(items.get(c), out));
  }

  // ----------------------------------------------------------------------------------- helpers

  private static String newUuid(JsonNode rq) {
    String uuid = text(rq, "uuid");
    if (uuid == null) {
      return UUID.randomUUID().toString();
    }
    try {
      return UUID.fromString(uuid).toString();
    } catch (IllegalArgumentException e) {
      throw RpError.incorrect("Field 'uuid' is not a UUID: '" + uuid + "'.");
    }
  }

  private static String description(JsonNode rq) {
    String description = text(rq, "description");
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw RpError.incorrect("Field 'description' is longer than " + MAX_DESCRIPTION + ".");
    }
    return description;
  }

  private static Status status(JsonNode rq, boolean launch) {
    String text = text(rq, "status");
    if (text == null) {
      return null;
    }
    Status status = Status.parse(text);
    if (status == null) {
      throw RpError.incorrectFinishStatus("Unknown status '" + text + "'");
    }
    return status;
  }

  private static List<Attribute> attributes(JsonNode rq) {
    JsonNode node = rq.get("attributes");
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw RpError.incorrect("Field 'attributes' must be an array.");
    }
    List<Attribute> out = new ArrayList<>();
    for (JsonNode a : node) {
      String value = text(a, "value");
      if (value == null || value.isBlank()) {
        throw RpError.incorrect("Field 'attributes[].value' should not be blank.");
      }
      out.add(new Attribute(text(a, "key"), value, a.path("system").asBoolean(false)));
    }
    return out;
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
