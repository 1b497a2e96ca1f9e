package io.pokeapi.observability.reporter.portal;

import com.epam.ta.reportportal.ws.model.FinishExecutionRQ;
import com.epam.ta.reportportal.ws.model.FinishTestItemRQ;
import com.epam.ta.reportportal.ws.model.StartTestItemRQ;
import com.epam.ta.reportportal.ws.model.launch.StartLaunchRQ;
import com.epam.ta.reportportal.ws.model.launch.UpdateLaunchRQ;
import com.epam.ta.reportportal.ws.model.log.SaveLogRQ;

/**
 * One request to ReportPortal, in client-java's request types. Every request that creates something
 * carries a UUID chosen by the reporter, so that a retry after an unknown outcome can ask whether
 * the first attempt arrived.
 */
public sealed interface RpCall {

  /** The {@code kind} label of the call in metrics. */
  String kind();

  /** Starts a launch ({@code rq.uuid} set). */
  record StartLaunch(StartLaunchRQ rq) implements RpCall {
    @Override
    public String kind() {
      return "launch_start";
    }
  }

  /** Starts an item under {@code parentUuid}, or at the root when it is null. */
  record StartItem(String parentUuid, StartTestItemRQ rq) implements RpCall {
    @Override
    public String kind() {
      return "item_start";
    }
  }

  /** Finishes an item. */
  record FinishItem(String uuid, FinishTestItemRQ rq) implements RpCall {
    @Override
    public String kind() {
      return "item_finish";
    }
  }

  /** Saves a log, with its file as a multipart request when {@code rq.file} is set. */
  record SaveLog(SaveLogRQ rq) implements RpCall {
    @Override
    public String kind() {
      return rq.getFile() == null ? "log" : "attachment";
    }
  }

  /** Finishes a launch. */
  record FinishLaunch(String uuid, FinishExecutionRQ rq) implements RpCall {
    @Override
    public String kind() {
      return "launch_finish";
    }
  }

  /** Replaces a (finished) launch's attributes or description. */
  record UpdateLaunch(String uuid, UpdateLaunchRQ rq) implements RpCall {
    @Override
    public String kind() {
      return "launch_update";
    }
  }
}
