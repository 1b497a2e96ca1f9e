package io.pokeapi.observability.probe.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.common.contract.AssertionDetail;
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.probe.client.FailureClassifier;
import io.pokeapi.observability.probe.client.HttpAnswer;
import io.pokeapi.observability.probe.run.CheckFailed;
import io.pokeapi.observability.probe.run.CheckSkipped;
import io.pokeapi.observability.probe.run.Fetched;
import io.pokeapi.observability.probe.run.RunContext;
import java.util.List;
import java.util.Objects;

/** The expectations checks share; each throws {@link CheckFailed} or {@link CheckSkipped}. */
final class Expect {

  private Expect() {}

  /**
   * The answer, or the failure that explains why there is none: the kind the request actually saw
   * ({@code http_5xx}, {@code connection}, {@code timeout}...), or {@code circuit_open} when the
   * endpoint's open breaker refused to send it. Never a skip: an outage is a failure.
   */
  static HttpAnswer answered(Fetched fetched) {
    fetched
        .exchange()
        .transportFailure()
        .ifPresent(
            type -> {
              HttpAnswer last = fetched.exchange().answer().orElse(null);
              throw new CheckFailed(
                  type,
                  fetched.exchange().describe(),
                  List.of(
                      new AssertionDetail(
                          "status",
                          "an answer",
                          last == null ? "none" : Integer.toString(last.status()),
                          fetched.exchange().describe())),
                  last == null ? null : RunContext.excerpt(last));
            });
    return fetched
        .answer()
        .orElseThrow(
            () ->
                new CheckFailed(FailureType.CONNECTION, fetched.exchange().describe(), List.of()));
  }

  /** A 200 answer with a JSON body and a JSON content type; returns the body. */
  static JsonNode okJson(Fetched fetched) {
    okJsonAnswer(fetched);
    return fetched.json();
  }

  /**
   * A 200 answer with a JSON body and a JSON content type; returns the answer, without parsing a
   * body whose parse was deferred ({@link Fetched#isJson()}).
   */
  static HttpAnswer okJsonAnswer(Fetched fetched) {
    HttpAnswer answer = status(fetched, 200);
    if (fetched.tooLarge() != null) {
      throw new CheckFailed(
          FailureType.RESPONSE_TOO_LARGE,
          fetched.tooLarge(),
          List.of(
              new AssertionDetail(
                  "",
                  "a body that fits a Kafka record (KafkaMessageLimits)",
                  answer.bodyLength() + " bytes",
                  fetched.tooLarge())));
    }
    if (!fetched.isJson()) {
      throw new CheckFailed(
          FailureType.INVALID_JSON,
          "body is not valid JSON: " + fetched.parseError(),
          List.of(new AssertionDetail("", "JSON", null, fetched.parseError())),
          RunContext.excerpt(answer));
    }
    if (!answer.jsonContentType()) {
      throw CheckFailed.assertion(
          "header:Content-Type",
          "application/json",
          answer.headers().contentType(),
          "Content-Type is " + answer.headers().contentType() + ", expected application/json");
    }
    return answer;
  }

  /** An answer with {@code expected} status; returns it. */
  static HttpAnswer status(Fetched fetched, int expected) {
    HttpAnswer answer = answered(fetched);
    if (answer.status() != expected) {
      FailureType type =
          expected >= 400 && answer.status() < 400
              ? FailureType.ASSERTION
              : FailureClassifier.forUnexpectedStatus(answer);
      throw new CheckFailed(
          type,
          "expected HTTP " + expected + ", got " + answer.wireStatus(),
          List.of(
              new AssertionDetail(
                  "status",
                  Integer.toString(expected),
                  Integer.toString(answer.wireStatus()),
                  "unexpected status")),
          RunContext.excerpt(answer));
    }
    return answer;
  }

  /** {@code actual} equals {@code expected}, else an assertion failure at {@code pointer}. */
  static void equal(String pointer, Object expected, Object actual, String what) {
    if (!Objects.equals(expected, actual)) {
      throw CheckFailed.assertion(
          pointer, expected, actual, what + ": expected " + expected + ", got " + actual);
    }
  }

  /** {@code condition} holds, else an assertion failure. */
  static void that(boolean condition, String pointer, Object expected, Object actual, String what) {
    if (!condition) {
      throw CheckFailed.assertion(pointer, expected, actual, what);
    }
  }
}
