package io.pokeapi.observability.reporter.reporting;

import io.pokeapi.observability.common.contract.FailureType;
import java.util.Locale;

/**
 * ReportPortal's default defect types (their locators) and how a failed check's evidence picks one,
 * so that triage starts while the launch is still running.
 */
public enum DefectType {
  /** The API's data or schema changed upstream. */
  PRODUCT_BUG("pb001"),
  /** The check could not run as designed (the pipeline or the probe failed, not the API). */
  AUTOMATION_BUG("ab001"),
  /** The API's edge: blocked, throttled, 5xx, timeouts, resets, an open circuit. */
  SYSTEM_ISSUE("si001"),
  /** Nothing in the evidence says which. */
  TO_INVESTIGATE("ti001");

  private final String locator;

  DefectType(String locator) {
    this.locator = locator;
  }

  /** The locator ReportPortal takes in {@code issue.issueType}. */
  public String locator() {
    return locator;
  }

  /**
   * The defect type of a failed check.
   *
   * @param type the failure type the probe recorded (null or unknown: to investigate)
   * @param message the failure's sentence, which names the HTTP status of a 4xx
   * @param endpointDrifted whether the diff service reported a data or schema change of the check's
   *     endpoint in the same run
   */
  public static DefectType of(FailureType type, String message, boolean endpointDrifted) {
    if (type == null) {
      return TO_INVESTIGATE;
    }
    return switch (type) {
      case SCHEMA_VALIDATION -> PRODUCT_BUG;
      case ASSERTION, INVALID_JSON -> endpointDrifted ? PRODUCT_BUG : TO_INVESTIGATE;
      case HTTP_4XX ->
          mentions403(message) ? SYSTEM_ISSUE : endpointDrifted ? PRODUCT_BUG : TO_INVESTIGATE;
      case TIMEOUT, CONNECTION, HTTP_5XX, RATE_LIMITED, BLOCKED, CIRCUIT_OPEN -> SYSTEM_ISSUE;
      case PUBLISH_FAILED, RESPONSE_TOO_LARGE -> AUTOMATION_BUG;
      case UNKNOWN -> TO_INVESTIGATE;
    };
  }

  private static boolean mentions403(String message) {
    return message != null && message.toLowerCase(Locale.ROOT).matches("(?s).*\\b403\\b.*");
  }
}
