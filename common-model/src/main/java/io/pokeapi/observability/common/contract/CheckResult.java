package io.pokeapi.observability.common.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The outcome of one check of a probe run, published on {@link Topics#CHECK_RESULTS} under the run
 * id.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION} for this layout
 * @param runId the probe run
 * @param suite the probe suite
 * @param checkName a stable name of the check, for example {@code pokemon.by-id.status-200}
 * @param endpoint the PokéAPI endpoint checked, or {@code null} for checks not tied to one
 * @param status passed, failed or skipped
 * @param failureType why it failed; {@code null} unless {@code status} is {@code FAILED}
 * @param message a sentence for humans; may be {@code null} when passed
 * @param assertions the assertions that did not hold, never {@code null}
 * @param attempt 1 for the first try, 2 for the first retry...
 * @param startedAt when the check started
 * @param finishedAt when the check finished
 * @param attachments evidence, never {@code null}
 */
public record CheckResult(
    int schemaVersion,
    UUID runId,
    String suite,
    String checkName,
    String endpoint,
    CheckStatus status,
    FailureType failureType,
    String message,
    List<AssertionDetail> assertions,
    int attempt,
    Instant startedAt,
    Instant finishedAt,
    List<Attachment> attachments) {

  /** The layout version this class writes. */
  public static final int SCHEMA_VERSION = 1;

  public CheckResult {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(checkName, "checkName");
    Objects.requireNonNull(status, "status");
    assertions = assertions == null ? List.of() : List.copyOf(assertions);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** A passed check in the current layout. */
  public static CheckResult passed(
      UUID runId,
      String suite,
      String checkName,
      String endpoint,
      int attempt,
      Instant startedAt,
      Instant finishedAt) {
    return new CheckResult(
        SCHEMA_VERSION,
        runId,
        suite,
        checkName,
        endpoint,
        CheckStatus.PASSED,
        null,
        null,
        List.of(),
        attempt,
        startedAt,
        finishedAt,
        List.of());
  }

  /** A failed check in the current layout. */
  public static CheckResult failed(
      UUID runId,
      String suite,
      String checkName,
      String endpoint,
      FailureType failureType,
      String message,
      List<AssertionDetail> assertions,
      int attempt,
      Instant startedAt,
      Instant finishedAt,
      List<Attachment> attachments) {
    return new CheckResult(
        SCHEMA_VERSION,
        runId,
        suite,
        checkName,
        endpoint,
        CheckStatus.FAILED,
        Objects.requireNonNull(failureType, "failureType"),
        message,
        assertions,
        attempt,
        startedAt,
        finishedAt,
        attachments);
  }

  /** The Kafka key: the run id. */
  public String messageKey() {
    return runId.toString();
  }
}
