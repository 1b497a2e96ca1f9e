package io.pokeapi.observability.reporter.reporting;

import com.epam.ta.reportportal.ws.model.FinishExecutionRQ;
import com.epam.ta.reportportal.ws.model.FinishTestItemRQ;
import com.epam.ta.reportportal.ws.model.StartTestItemRQ;
import com.epam.ta.reportportal.ws.model.attribute.ItemAttributesRQ;
import com.epam.ta.reportportal.ws.model.issue.Issue;
import com.epam.ta.reportportal.ws.model.launch.Mode;
import com.epam.ta.reportportal.ws.model.launch.StartLaunchRQ;
import com.epam.ta.reportportal.ws.model.launch.UpdateLaunchRQ;
import com.epam.ta.reportportal.ws.model.log.SaveLogRQ;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pokeapi.observability.common.contract.AssertionDetail;
import io.pokeapi.observability.common.contract.Attachment;
import io.pokeapi.observability.common.contract.Change;
import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.CheckStatus;
import io.pokeapi.observability.common.contract.DriftDetected;
import io.pokeapi.observability.common.contract.DriftKind;
import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.LatencyRegressionDetected;
import io.pokeapi.observability.common.contract.LoadRunSummary;
import io.pokeapi.observability.common.contract.RunEvent;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStarted;
import io.pokeapi.observability.common.contract.RunStatus;
import io.pokeapi.observability.reporter.config.ReporterConfig;
import io.pokeapi.observability.reporter.portal.RpCall;
import io.pokeapi.observability.reporter.storage.InboxRow;
import io.pokeapi.observability.reporter.storage.LaunchState;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Turns one consumed event and the state of its launch into the ReportPortal calls that report it.
 * Pure: the same row and state always give the same calls with the same UUIDs, which is what lets a
 * restart resume a row after the calls ReportPortal already accepted.
 */
@ApplicationScoped
public class ReportPlanner {

  /** The tag on a launch that holds a schema change. */
  public static final String SCHEMA_CHANGE = "schema-change";

  /** The tag on a check item that failed and then passed on a rerun in the same run. */
  public static final String FLAKY = "flaky";

  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final ReporterConfig config;

  public ReportPlanner(ReporterConfig config) {
    this.config = config;
  }

  /**
   * Whether a row can be reported now, given its launch's state (null: no launch yet).
   *
   * @param checksPending whether results of the same run wait in the inbox: a run's end waits for
   *     them, however old it is (results and run events come on different topics, so they can
   *     arrive after it, and a ReportPortal outage ages the end while nothing can be delivered)
   */
  public boolean ready(InboxRow row, LaunchState state, Instant now, boolean checksPending) {
    Duration age = Duration.between(row.receivedAt(), now);
    return switch (row.kind()) {
      case RUN_STARTED, LOAD_SUMMARY -> true;
      case CHECK_RESULT, DRIFT, LATENCY_REGRESSION ->
          state != null
              || row.launchKey() == null
              || age.compareTo(config.delivery().orphanAfter()) >= 0;
      case RUN_FINISHED -> {
        if (state == null) {
          yield age.compareTo(config.delivery().orphanAfter()) >= 0;
        }
        if (state.finished) {
          yield true;
        }
        if (checksPending) {
          yield false; // they are stored: they go first, never as late results of a closed launch
        }
        if (age.compareTo(config.delivery().settleTime()) >= 0) {
          yield true;
        }
        RunFinished finished = (RunFinished) EventJson.fromJson(row.payload(), RunEvent.class);
        long expected = finished == null ? 0 : finished.totals().checks();
        // reruns of a failed check arrive as more results than the totals count: wait a grace
        // period for results still on their way from the other topic's consumer
        yield state.results >= expected && age.compareTo(config.delivery().finishGrace()) >= 0;
      }
    };
  }

  /** The calls that report a row, and the state after them. */
  public Plan plan(InboxRow row, LaunchState state) {
    return switch (row.kind()) {
      case RUN_STARTED -> runStarted(row, state);
      case CHECK_RESULT -> checkResult(row, state);
      case RUN_FINISHED -> runFinished(row, state);
      case DRIFT -> drift(row, state);
      case LATENCY_REGRESSION -> latency(row, state);
      case LOAD_SUMMARY -> load(row, state);
    };
  }

  // ---------------------------------------------------------------------------------- runs

  private Plan runStarted(InboxRow row, LaunchState state) {
    if (state != null) {
      return new Plan(List.of(), null, null); // the launch exists: never a second one
    }
    RunStarted started = (RunStarted) EventJson.fromJson(row.payload(), RunEvent.class);
    List<RpCall> calls = new ArrayList<>();
    LaunchState next =
        startProbeLaunch(
            calls,
            started.runId(),
            started.suite(),
            started.startedAt(),
            "PokéAPI "
                + orUnknown(started.suite())
                + " run "
                + started.runId()
                + ", triggered by "
                + (started.trigger() == null
                    ? "unknown"
                    : started.trigger().name().toLowerCase(Locale.ROOT))
                + (started.endpoints().isEmpty()
                    ? ""
                    : ", endpoints: " + String.join(", ", started.endpoints())));
    return new Plan(calls, next, null);
  }

  private LaunchState startProbeLaunch(
      List<RpCall> calls, UUID runId, String suite, Instant startedAt, String description) {
    LaunchState s = new LaunchState();
    s.launchKey = runId;
    s.launchUuid = Uuids.launch(runId);
    s.kind = "probe";
    s.suite = orUnknown(suite);
    s.startedAt = startedAt == null ? Instant.EPOCH : startedAt;
    s.name =
        "pokeapi "
            + s.suite
            + " "
            + NAME_TIME.format(s.startedAt)
            + " run "
            + runId.toString().substring(0, 8);
    s.attributes.add(new LaunchState.Attr("suite", s.suite));
    s.attributes.add(new LaunchState.Attr("env", config.launch().env()));
    s.attributes.add(new LaunchState.Attr("target", config.launch().target()));
    s.attributes.add(new LaunchState.Attr("release", config.launch().release()));
    StartLaunchRQ rq = new StartLaunchRQ();
    rq.setUuid(s.launchUuid.toString());
    rq.setName(s.name);
    rq.setDescription(description);
    rq.setStartTime(Date.from(s.startedAt));
    rq.setMode(Mode.DEFAULT);
    rq.setAttributes(attributes(s.attributes));
    calls.add(new RpCall.StartLaunch(rq));
    s.saw(s.startedAt);
    return s;
  }

  private Plan checkResult(InboxRow row, LaunchState state) {
    CheckResult result = EventJson.fromJson(row.payload(), CheckResult.class);
    List<RpCall> calls = new ArrayList<>();
    LaunchState s =
        state != null
            ? state.copy()
            : startProbeLaunch(
                calls,
                result.runId(),
                result.suite(),
                result.startedAt(),
                "PokéAPI "
                    + orUnknown(result.suite())
                    + " run "
                    + result.runId()
                    + " (its start was never received)");
    Instant start = later(result.startedAt(), s.startedAt);
    Instant end = later(result.finishedAt(), start);
    if (s.finished) {
      // a result after its launch was finished: kept as a launch-level log, never dropped
      calls.add(
          log(
              row,
              0,
              s,
              null,
              "WARN",
              later(end, s.lastTime),
              "late check result (arrived after the launch finished): " + summary(result),
              null));
      s.results++;
      return new Plan(calls, s, flakyCount(result, s, end));
    }
    String endpoint =
        result.endpoint() == null || result.endpoint().isBlank() ? "run" : result.endpoint();
    UUID suiteUuid = s.suites.get(endpoint);
    if (suiteUuid == null) {
      suiteUuid = Uuids.suite(s.launchKey, endpoint);
      StartTestItemRQ suite = new StartTestItemRQ();
      suite.setUuid(suiteUuid.toString());
      suite.setLaunchUuid(s.launchUuid.toString());
      suite.setName(endpoint);
      suite.setType("SUITE");
      suite.setStartTime(Date.from(s.startedAt));
      suite.setCodeRef(s.suite + "." + endpoint);
      suite.setDescription("Checks of the " + endpoint + " endpoint");
      calls.add(new RpCall.StartItem(null, suite));
      s.suites.put(endpoint, suiteUuid);
    }
    UUID itemUuid = Uuids.ofRecord(row.topic(), row.partition(), row.offset(), 0);
    StartTestItemRQ item = new StartTestItemRQ();
    item.setUuid(itemUuid.toString());
    item.setLaunchUuid(s.launchUuid.toString());
    item.setName(
        result.checkName() + (result.attempt() > 1 ? " (attempt " + result.attempt() + ")" : ""));
    item.setType("STEP");
    item.setStartTime(Date.from(start));
    item.setCodeRef(s.suite + "." + result.checkName());
    item.setTestCaseId(result.checkName());
    List<LaunchState.Attr> itemAttrs = new ArrayList<>();
    itemAttrs.add(new LaunchState.Attr("attempt", String.valueOf(Math.max(1, result.attempt()))));
    item.setAttributes(attributes(itemAttrs));
    calls.add(new RpCall.StartItem(suiteUuid.toString(), item));

    int n = 1;
    FinishTestItemRQ finish = new FinishTestItemRQ();
    finish.setEndTime(Date.from(end));
    finish.setLaunchUuid(s.launchUuid.toString());
    List<LaunchState.Attr> finishAttrs = new ArrayList<>();
    switch (result.status() == null ? CheckStatus.UNKNOWN : result.status()) {
      case PASSED -> finish.setStatus("PASSED");
      case SKIPPED -> {
        finish.setStatus("SKIPPED");
        Issue none = new Issue();
        none.setIssueType("NOT_ISSUE");
        finish.setIssue(none);
        if (result.message() != null) {
          calls.add(log(row, n++, s, itemUuid, "INFO", end, "skipped: " + result.message(), null));
        }
      }
      case FAILED, UNKNOWN -> {
        finish.setStatus("FAILED");
        DefectType defect =
            DefectType.of(
                result.failureType(), result.message(), s.driftedEndpoints.contains(endpoint));
        Issue issue = new Issue();
        issue.setIssueType(defect.locator());
        issue.setComment(
            reason(result) + " (defect type chosen by reporter-service from the evidence)");
        finish.setIssue(issue);
        finishAttrs.add(new LaunchState.Attr("failure", failureLabel(result)));
        calls.add(log(row, n++, s, itemUuid, "ERROR", end, failureText(result), null));
        for (Attachment attachment : result.attachments()) {
          calls.add(
              log(
                  row,
                  n++,
                  s,
                  itemUuid,
                  "ERROR",
                  end,
                  "attachment " + attachment.name(),
                  attachment));
        }
      }
    }
    boolean flaky = result.status() == CheckStatus.PASSED && result.attempt() > 1;
    if (flaky) {
      finishAttrs.add(new LaunchState.Attr(null, FLAKY));
      calls.add(
          log(
              row,
              n++,
              s,
              itemUuid,
              "WARN",
              end,
              "flaky: passed on attempt " + result.attempt() + " after failing in this run",
              null));
    }
    if (!finishAttrs.isEmpty()) {
      finish.setAttributes(attributes(finishAttrs));
    }
    calls.add(new RpCall.FinishItem(itemUuid.toString(), finish));
    s.saw(end);
    s.results++;
    return new Plan(calls, s, flakyCount(result, s, end));
  }

  private static Plan.FlakyCount flakyCount(CheckResult result, LaunchState s, Instant end) {
    String name = result.checkName();
    int runs = s.checksRun.add(name) ? 1 : 0;
    Instant flakyAt = null;
    if (result.status() == CheckStatus.PASSED && result.attempt() > 1 && s.checksFlaky.add(name)) {
      flakyAt = end;
    }
    return runs == 0 && flakyAt == null ? null : new Plan.FlakyCount(name, runs, flakyAt);
  }

  private Plan runFinished(InboxRow row, LaunchState state) {
    RunFinished finished = (RunFinished) EventJson.fromJson(row.payload(), RunEvent.class);
    List<RpCall> calls = new ArrayList<>();
    LaunchState s =
        state != null
            ? state.copy()
            : startProbeLaunch(
                calls,
                finished.runId(),
                finished.suite(),
                finished.startedAt(),
                "PokéAPI "
                    + orUnknown(finished.suite())
                    + " run "
                    + finished.runId()
                    + " (its start was never received)");
    if (s.finished) {
      return new Plan(List.of(), null, null);
    }
    Instant end = later(later(finished.finishedAt(), s.lastTime), s.startedAt);
    for (UUID suite : s.suites.values()) {
      FinishTestItemRQ rq = new FinishTestItemRQ();
      rq.setEndTime(Date.from(end));
      rq.setLaunchUuid(s.launchUuid.toString());
      calls.add(new RpCall.FinishItem(suite.toString(), rq));
    }
    RunStatus status = finished.status() == null ? RunStatus.UNKNOWN : finished.status();
    calls.add(
        log(
            row,
            0,
            s,
            null,
            status == RunStatus.COMPLETED ? "INFO" : "WARN",
            end,
            String.format(
                Locale.ROOT,
                "run %s: %d requests, %d checks passed, %d failed, %d skipped; %d results reported",
                status.name().toLowerCase(Locale.ROOT),
                finished.totals().requests(),
                finished.totals().passed(),
                finished.totals().failed(),
                finished.totals().skipped(),
                s.results),
            null));
    FinishExecutionRQ rq = new FinishExecutionRQ();
    rq.setEndTime(Date.from(end));
    switch (status) {
      case CANCELLED -> rq.setStatus("STOPPED");
      case ABORTED, FAILED -> rq.setStatus("INTERRUPTED");
      default -> {
        // the server derives PASSED or FAILED from the items
      }
    }
    if (s.schemaChange) {
      rq.setAttributes(attributes(List.of(new LaunchState.Attr(null, SCHEMA_CHANGE))));
    }
    calls.add(new RpCall.FinishLaunch(s.launchUuid.toString(), rq));
    s.saw(end);
    s.finished = true;
    return new Plan(calls, s, null);
  }

  // -------------------------------------------------------------------------- drift, latency

  private Plan drift(InboxRow row, LaunchState state) {
    DriftDetected drift = EventJson.fromJson(row.payload(), DriftDetected.class);
    List<RpCall> calls = new ArrayList<>();
    boolean orphan = state == null;
    LaunchState s =
        orphan
            ? orphanLaunch(
                calls,
                row,
                drift.runId(),
                "drift",
                drift.detectedAt(),
                "Drift of " + drift.endpoint() + " seen by run " + drift.runId())
            : state.copy();
    Instant at = later(drift.detectedAt(), s.startedAt);
    int n = 0;
    String release = drift.releaseHash() == null ? "" : " (release " + drift.releaseHash() + ")";
    String edge =
        drift.edgeInconsistency() ? " [edge inconsistency: same release, different answers]" : "";
    if (drift.kind() == DriftKind.SCHEMA) {
      for (Change change : drift.changes()) {
        calls.add(
            log(
                row,
                n++,
                s,
                null,
                "WARN",
                at,
                "schema change of "
                    + drift.endpoint()
                    + ": "
                    + change.changeType()
                    + " "
                    + change.path()
                    + values(change)
                    + (change.breaking() ? " [breaking]" : "")
                    + release
                    + edge,
                null));
      }
      if (!s.schemaChange) {
        s.schemaChange = true;
        if (s.finished && !orphan) {
          List<LaunchState.Attr> all = new ArrayList<>(s.attributes);
          all.add(new LaunchState.Attr(null, SCHEMA_CHANGE));
          s.attributes = all;
          UpdateLaunchRQ update = new UpdateLaunchRQ();
          update.setAttributes(new LinkedHashSet<>(attributes(all)));
          update.setMode(Mode.DEFAULT);
          calls.add(new RpCall.UpdateLaunch(s.launchUuid.toString(), update));
        }
      }
    } else {
      Attachment patch =
          new Attachment(
              "json-patch-" + safe(drift.endpoint()) + "-" + safe(drift.resourceKey()) + ".json",
              "application/json",
              jsonPatch(drift.changes()));
      calls.add(
          log(
              row,
              n++,
              s,
              null,
              "WARN",
              at,
              "data change of "
                  + drift.endpoint()
                  + "/"
                  + drift.resourceKey()
                  + ": "
                  + drift.changes().size()
                  + " operation(s)"
                  + (drift.breaking() ? " [breaking]" : "")
                  + release
                  + edge,
              patch));
    }
    s.driftedEndpoints.add(drift.endpoint());
    if (orphan) {
      finishOrphan(calls, s, at);
    }
    s.saw(at);
    return new Plan(calls, s, null);
  }

  private Plan latency(InboxRow row, LaunchState state) {
    LatencyRegressionDetected r =
        EventJson.fromJson(row.payload(), LatencyRegressionDetected.class);
    List<RpCall> calls = new ArrayList<>();
    boolean orphan = state == null;
    LaunchState s =
        orphan
            ? orphanLaunch(
                calls,
                row,
                r.runId(),
                "latency",
                r.detectedAt(),
                "Latency regression of " + r.endpoint() + " in run " + r.runId())
            : state.copy();
    Instant at = later(r.detectedAt(), s.startedAt);
    calls.add(
        log(
            row,
            0,
            s,
            null,
            "WARN",
            at,
            String.format(
                Locale.ROOT,
                "latency regression at %s: %s %.1f ms over %d samples against a baseline of %.1f ms"
                    + " over %d samples (x%.2f, threshold +%.0f%%, baseline %s to %s)",
                r.endpoint(),
                r.percentile(),
                r.observedMs(),
                r.observedSamples(),
                r.baselineMs(),
                r.baselineSamples(),
                r.ratio(),
                r.threshold() * 100,
                r.baselineWindowStart(),
                r.baselineWindowEnd()),
            null));
    if (orphan) {
      finishOrphan(calls, s, at);
    }
    s.saw(at);
    return new Plan(calls, s, null);
  }

  private LaunchState orphanLaunch(
      List<RpCall> calls, InboxRow row, UUID runId, String what, Instant at, String description) {
    UUID key =
        runId != null ? runId : Uuids.ofRecord(row.topic(), row.partition(), row.offset(), 99);
    return startProbeLaunch(
        calls,
        key,
        what,
        at == null ? Instant.EPOCH : at,
        description + " (its run never reported)");
  }

  private static void finishOrphan(List<RpCall> calls, LaunchState s, Instant at) {
    FinishExecutionRQ rq = new FinishExecutionRQ();
    rq.setEndTime(Date.from(later(at, s.lastTime)));
    if (s.schemaChange) {
      rq.setAttributes(attributes(List.of(new LaunchState.Attr(null, SCHEMA_CHANGE))));
    }
    calls.add(new RpCall.FinishLaunch(s.launchUuid.toString(), rq));
    s.finished = true;
  }

  // ------------------------------------------------------------------------------------ load

  private Plan load(InboxRow row, LaunchState state) {
    if (state != null) {
      return new Plan(List.of(), null, null);
    }
    LoadRunSummary summary = EventJson.fromJson(row.payload(), LoadRunSummary.class);
    List<RpCall> calls = new ArrayList<>();
    LaunchState s = new LaunchState();
    s.launchKey = summary.runId();
    s.launchUuid = Uuids.launch(summary.runId());
    s.kind = "load";
    s.suite = "load";
    s.startedAt = summary.startedAt() == null ? Instant.EPOCH : summary.startedAt();
    s.name =
        "pokeapi load "
            + orUnknown(summary.scenario())
            + " "
            + NAME_TIME.format(s.startedAt)
            + " run "
            + summary.runId().toString().substring(0, 8);
    s.attributes.add(new LaunchState.Attr("suite", "load"));
    s.attributes.add(new LaunchState.Attr("env", config.launch().env()));
    s.attributes.add(new LaunchState.Attr("target", host(summary.target())));
    s.attributes.add(new LaunchState.Attr("release", config.launch().release()));
    s.attributes.add(new LaunchState.Attr("scenario", orUnknown(summary.scenario())));
    StartLaunchRQ launch = new StartLaunchRQ();
    launch.setUuid(s.launchUuid.toString());
    launch.setName(s.name);
    launch.setDescription(
        "Load run "
            + summary.runId()
            + " of scenario "
            + orUnknown(summary.scenario())
            + " against "
            + orUnknown(summary.target()));
    launch.setStartTime(Date.from(s.startedAt));
    launch.setMode(Mode.DEFAULT);
    launch.setAttributes(attributes(s.attributes));
    calls.add(new RpCall.StartLaunch(launch));
    Instant end = s.startedAt.plus(summary.duration() == null ? Duration.ZERO : summary.duration());
    UUID itemUuid = Uuids.ofRecord(row.topic(), row.partition(), row.offset(), 0);
    StartTestItemRQ item = new StartTestItemRQ();
    item.setUuid(itemUuid.toString());
    item.setLaunchUuid(s.launchUuid.toString());
    item.setName(orUnknown(summary.scenario()));
    item.setType("TEST");
    item.setStartTime(Date.from(s.startedAt));
    item.setCodeRef("load." + orUnknown(summary.scenario()));
    calls.add(new RpCall.StartItem(null, item));
    String text = LoadReport.text(summary);
    calls.add(log(row, 1, s, itemUuid, "INFO", end, text, null));
    calls.add(
        log(
            row,
            2,
            s,
            itemUuid,
            "INFO",
            end,
            "load report (HTML)",
            new Attachment("load-report.html", "text/html", LoadReport.html(summary))));
    calls.add(
        log(
            row,
            3,
            s,
            itemUuid,
            "INFO",
            end,
            "load summary (JSON)",
            new Attachment("load-summary.json", "application/json", EventJson.toJson(summary))));
    config
        .load()
        .reportUrlTemplate()
        .ifPresent(
            template ->
                calls.add(
                    log(
                        row,
                        4,
                        s,
                        itemUuid,
                        "INFO",
                        end,
                        "full HTML report: "
                            + template.replace("{runId}", summary.runId().toString()),
                        null)));
    FinishTestItemRQ finish = new FinishTestItemRQ();
    finish.setEndTime(Date.from(end));
    finish.setLaunchUuid(s.launchUuid.toString());
    if (summary.errors() > 0) {
      finish.setStatus("FAILED");
      Issue issue = new Issue();
      issue.setIssueType(DefectType.SYSTEM_ISSUE.locator());
      issue.setComment("failed requests under load: " + summary.errorsByClass());
      finish.setIssue(issue);
    } else {
      finish.setStatus("PASSED");
    }
    calls.add(new RpCall.FinishItem(itemUuid.toString(), finish));
    FinishExecutionRQ finishLaunch = new FinishExecutionRQ();
    finishLaunch.setEndTime(Date.from(end));
    calls.add(new RpCall.FinishLaunch(s.launchUuid.toString(), finishLaunch));
    s.saw(end);
    s.results = 1;
    s.finished = true;
    return new Plan(calls, s, null);
  }

  // --------------------------------------------------------------------------------- helpers

  private RpCall log(
      InboxRow row,
      int n,
      LaunchState s,
      UUID itemUuid,
      String level,
      Instant time,
      String message,
      Attachment attachment) {
    SaveLogRQ rq = new SaveLogRQ();
    rq.setUuid(Uuids.ofRecord(row.topic(), row.partition(), row.offset(), 100 + n).toString());
    rq.setLaunchUuid(s.launchUuid.toString());
    if (itemUuid != null) {
      rq.setItemUuid(itemUuid.toString());
    }
    rq.setLevel(level);
    rq.setLogTime(Date.from(time));
    rq.setMessage(message);
    if (attachment != null) {
      SaveLogRQ.File file = new SaveLogRQ.File();
      file.setName(attachment.name() == null ? "attachment" : attachment.name());
      String type = attachment.contentType() == null ? "text/plain" : attachment.contentType();
      file.setContentType(type);
      file.setContent(content(attachment, type));
      rq.setFile(file);
    }
    return new RpCall.SaveLog(rq);
  }

  private byte[] content(Attachment attachment, String type) {
    String text = attachment.content() == null ? "" : attachment.content();
    byte[] bytes;
    boolean textual =
        type.startsWith("text/")
            || type.contains("json")
            || type.contains("xml")
            || type.contains("html");
    if (textual) {
      bytes = text.getBytes(StandardCharsets.UTF_8);
    } else {
      try {
        bytes = Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        bytes = text.getBytes(StandardCharsets.UTF_8);
      }
    }
    int max = config.delivery().maxAttachmentBytes();
    if (bytes.length > max) {
      byte[] cut = new byte[max];
      System.arraycopy(bytes, 0, cut, 0, max);
      return cut;
    }
    return bytes;
  }

  private static Set<ItemAttributesRQ> attributes(List<LaunchState.Attr> attrs) {
    Set<ItemAttributesRQ> out = new LinkedHashSet<>();
    for (LaunchState.Attr a : attrs) {
      out.add(new ItemAttributesRQ(a.key(), a.value()));
    }
    return out;
  }

  private static String failureText(CheckResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(reason(r));
    if (r.attempt() > 1) {
      sb.append("\nattempt ").append(r.attempt());
    }
    if (!r.assertions().isEmpty()) {
      sb.append("\nassertions that did not hold:");
      for (AssertionDetail a : r.assertions()) {
        sb.append("\n  - ")
            .append(a.path() == null || a.path().isEmpty() ? "(body)" : a.path())
            .append(": expected ")
            .append(a.expected())
            .append(", actual ")
            .append(a.actual());
        if (a.message() != null) {
          sb.append(" (").append(a.message()).append(')');
        }
      }
    }
    sb.append("\nrequest/response: ")
        .append(r.endpoint() == null ? "no endpoint" : "GET " + r.endpoint())
        .append(", suite ")
        .append(r.suite())
        .append(", check ")
        .append(r.checkName())
        .append(", run ")
        .append(r.runId())
        .append(", took ")
        .append(
            r.startedAt() == null || r.finishedAt() == null
                ? "?"
                : Duration.between(r.startedAt(), r.finishedAt()).toMillis() + " ms");
    if (!r.attachments().isEmpty()) {
      sb.append(", evidence attached: ");
      sb.append(String.join(", ", r.attachments().stream().map(Attachment::name).toList()));
    }
    return sb.toString();
  }

  private static String reason(CheckResult r) {
    return failureLabel(r) + ": " + (r.message() == null ? "(no message)" : r.message());
  }

  private static String failureLabel(CheckResult r) {
    return r.failureType() == null ? "unknown" : r.failureType().name().toLowerCase(Locale.ROOT);
  }

  private static String summary(CheckResult r) {
    return r.checkName()
        + " "
        + (r.status() == null ? "unknown" : r.status().name().toLowerCase(Locale.ROOT))
        + (r.status() == CheckStatus.FAILED ? " (" + reason(r) + ")" : "")
        + " attempt "
        + r.attempt();
  }

  private static String values(Change c) {
    if (c.oldValue() == null && c.newValue() == null) {
      return "";
    }
    return ": "
        + (c.oldValue() == null ? "(none)" : c.oldValue())
        + " -> "
        + (c.newValue() == null ? "(none)" : c.newValue());
  }

  private static String jsonPatch(List<Change> changes) {
    ArrayNode patch = EventJson.mapper().createArrayNode();
    for (Change c : changes) {
      ObjectNode op = patch.addObject();
      op.put("op", c.changeType());
      op.put("path", c.path());
      if (c.newValue() != null && !"remove".equals(c.changeType())) {
        op.set("value", c.newValue());
      }
    }
    return patch.toPrettyString();
  }

  private static String host(String target) {
    if (target == null || target.isBlank()) {
      return "unknown";
    }
    try {
      String host = URI.create(target).getHost();
      return host == null ? target : host;
    } catch (IllegalArgumentException e) {
      return target;
    }
  }

  private static String safe(String s) {
    return s == null ? "x" : s.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static String orUnknown(String s) {
    return s == null || s.isBlank() ? "unknown" : s;
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isAfter(b) ? a : b;
  }
}
