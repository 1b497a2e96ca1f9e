package io.pokeapi.observability.rpdouble.model;

/**
 * A request the real server would refuse: the HTTP status, ReportPortal's numeric error code and
 * message (the server's {@code ErrorRS}: {@code {"errorCode": 4001, "message": "..."}}).
 */
public final class RpError extends RuntimeException {

  private final int httpStatus;
  private final int errorCode;

  public RpError(int httpStatus, int errorCode, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int errorCode() {
    return errorCode;
  }

  /** 400 INCORRECT_REQUEST (4001): bean validation of a request failed. */
  public static RpError incorrect(String message) {
    return new RpError(400, 4001, "Incorrect Request. " + message);
  }

  /** 400 BAD_REQUEST_ERROR (40016). */
  public static RpError badRequest(String message) {
    return new RpError(
        400,
        40016,
        "Error in handled Request. Please, check specified parameters: '" + message + "'");
  }

  /** 404 LAUNCH_NOT_FOUND (4041). */
  public static RpError launchNotFound(String id) {
    return new RpError(404, 4041, "Launch '" + id + "' not found. Did you use correct Launch ID?");
  }

  /** 404 TEST_ITEM_NOT_FOUND (4043). */
  public static RpError itemNotFound(String id) {
    return new RpError(
        404, 4043, "Test Item '" + id + "' not found. Did you use correct Test Item ID?");
  }

  /** 404 PROJECT_NOT_FOUND (4040). */
  public static RpError projectNotFound(String project) {
    return new RpError(
        404, 4040, "Project '" + project + "' not found. Did you use correct project name?");
  }

  /** 404 ISSUE_TYPE_NOT_FOUND (40416). */
  public static RpError issueTypeNotFound(String locator) {
    return new RpError(404, 40416, "Issue Type '" + locator + "' not found.");
  }

  /** 409 RESOURCE_ALREADY_EXISTS (4091). */
  public static RpError alreadyExists(String uuid) {
    return new RpError(
        409, 4091, "Resource '" + uuid + "' already exists. You couldn't create the duplicate.");
  }

  /** 406 FINISH_TIME_EARLIER_THAN_START_TIME (40021). */
  public static RpError finishBeforeStart(Object end, Object start, String id) {
    return new RpError(
        406,
        40021,
        "Finish time '" + end + "' is earlier than start time '" + start + "' for '" + id + "'");
  }

  /** 406 CHILD_START_TIME_EARLIER_THAN_PARENT (40025). */
  public static RpError childBeforeParent(Object start, Object parentStart, String parent) {
    return new RpError(
        406,
        40025,
        "Start time of child ['"
            + start
            + "'] item should be same or later than start time ['"
            + parentStart
            + "'] of the parent item/launch ['"
            + parent
            + "']");
  }

  /** 406 FINISH_LAUNCH_NOT_ALLOWED (40023). */
  public static RpError finishLaunchNotAllowed(String message) {
    return new RpError(406, 40023, "Finish launch is not allowed. " + message);
  }

  /** 406 START_ITEM_NOT_ALLOWED (40024 in the server's ErrorType). */
  public static RpError startItemNotAllowed(String message) {
    return new RpError(406, 40024, "Start test item is not allowed. " + message);
  }

  /** 406 INCORRECT_FINISH_STATUS (4065). */
  public static RpError incorrectFinishStatus(String message) {
    return new RpError(406, 4065, message + ". Did you provide correct status in request?");
  }

  /** 406 AMBIGUOUS_TEST_ITEM_STATUS (40019). */
  public static RpError ambiguousStatus(String message) {
    return new RpError(406, 40019, "Test item status is ambiguous. " + message);
  }

  /** 400 BINARY_DATA_CANNOT_BE_SAVED / BAD_SAVE_LOG_REQUEST (40017) for the log batch. */
  public static RpError badSaveLog(String message) {
    return new RpError(400, 40017, "Error in Save Log Request. " + message);
  }

  /** 401: no or a wrong API key. */
  public static RpError unauthorized() {
    return new RpError(401, 40100, "Full authentication is required to access this resource");
  }
}
