package io.pokeapi.observability.probe.run;

import io.pokeapi.observability.common.contract.AssertionDetail;
import io.pokeapi.observability.common.contract.FailureType;
import java.util.List;
import java.util.Objects;

/** Ends a check as failed; thrown by the body of a check given to {@link RunContext#check}. */
public class CheckFailed extends RuntimeException {

  private final FailureType type;
  private final List<AssertionDetail> assertions;
  private final String evidence;

  public CheckFailed(FailureType type, String message, List<AssertionDetail> assertions) {
    this(type, message, assertions, null);
  }

  /**
   * @param evidence a short excerpt (for example of the body) attached to the result, or null
   */
  public CheckFailed(
      FailureType type, String message, List<AssertionDetail> assertions, String evidence) {
    super(message, null, false, false);
    this.type = Objects.requireNonNull(type, "type");
    this.assertions = assertions == null ? List.of() : List.copyOf(assertions);
    this.evidence = evidence;
  }

  /** An assertion that did not hold. */
  public static CheckFailed assertion(String path, Object expected, Object actual, String message) {
    return new CheckFailed(
        FailureType.ASSERTION,
        message,
        List.of(
            new AssertionDetail(
                path,
                expected == null ? null : String.valueOf(expected),
                actual == null ? null : String.valueOf(actual),
                message)));
  }

  public FailureType type() {
    return type;
  }

  public List<AssertionDetail> assertions() {
    return assertions;
  }

  public String evidence() {
    return evidence;
  }
}
