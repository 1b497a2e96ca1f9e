package io.pokeapi.observability.probe.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.AssertionDetail;
import io.pokeapi.observability.common.contract.Attachment;
import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.CheckStatus;
import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.common.contract.KafkaMessageLimits;
import io.pokeapi.observability.probe.client.ApiAttempt;
import io.pokeapi.observability.probe.client.ApiExchange;
import io.pokeapi.observability.probe.client.ApiRequest;
import io.pokeapi.observability.probe.client.FailureClassifier;
import io.pokeapi.observability.probe.client.HttpAnswer;
import io.pokeapi.observability.probe.client.PokeApiClient;
import io.pokeapi.observability.probe.config.ProbeConfig;
import io.pokeapi.observability.probe.contract.ContractSchemas;
import io.pokeapi.observability.probe.logging.ProbeLog;
import io.pokeapi.observability.probe.messaging.ProbeEventPublisher;
import io.pokeapi.observability.probe.metrics.ProbeMetrics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * What a suite works with during one run: fetching (each answer is published and checked against
 * the published contract), recording checks (published, counted, logged), planning work and
 * noticing cancellation.
 */
public final class RunContext {

  /** Checks of the published contract that every JSON answer gets. */
  public static final String CONTRACT_CHECK = "contract";

  private static final Logger LOG = Logger.getLogger(RunContext.class);
  private static final ObjectMapper STRICT_JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();
  private static final int EVIDENCE_CHARS = 2048;

  /** Room the envelope of a capture (URL, headers, hashes, field names) takes besides the body. */
  private static final int ENVELOPE_BYTES = 64 * 1024;

  /** The body of a check: returns normally to pass, throws {@link CheckFailed} or skipped. */
  @FunctionalInterface
  public interface CheckBody {
    void verify() throws InterruptedException;
  }

  /**
   * The body of a check about one answer, given that answer (the first one, or the one a rerun
   * fetched): returns normally to pass, throws {@link CheckFailed} or skipped.
   */
  @FunctionalInterface
  public interface SubjectCheck {
    void verify(Fetched subject) throws InterruptedException;
  }

  private final Run run;
  private final PokeApiClient client;
  private final ProbeEventPublisher publisher;
  private final ContractSchemas contract;
  private final ProbeMetrics metrics;
  private final ProbeLog log;
  private final ProbeConfig config;
  private final Clock clock;
  private final Executor deferred;

  RunContext(
      Run run,
      PokeApiClient client,
      ProbeEventPublisher publisher,
      ContractSchemas contract,
      ProbeMetrics metrics,
      ProbeLog log,
      ProbeConfig config,
      Clock clock,
      Executor deferred) {
    this.deferred = deferred;
    this.run = run;
    this.client = client;
    this.publisher = publisher;
    this.contract = contract;
    this.metrics = metrics;
    this.log = log;
    this.config = config;
    this.clock = clock;
  }

  public UUID runId() {
    return run.id();
  }

  public Suite suite() {
    return run.suite();
  }

  public RunRequest request() {
    return run.request();
  }

  public ProbeConfig config() {
    return config;
  }

  /** Whether the run should stop (cancelled, or the thread interrupted). */
  public boolean cancelled() {
    return run.cancelRequested() || Thread.currentThread().isInterrupted();
  }

  /** Stops the calling suite when the run was cancelled. */
  public void checkCancelled() throws InterruptedException {
    if (cancelled()) {
      throw new InterruptedException("run " + run.id() + " cancelled");
    }
  }

  /** Adds {@code items} to the work the run has planned (for progress). */
  public void plan(long items) {
    run.plan(items);
  }

  /** One planned work item is finished. */
  public void itemDone() {
    run.itemDone();
  }

  /**
   * GETs {@code request}: every attempt is published as {@code ApiResponseCaptured}, and a JSON
   * answer is checked against PokéAPI's published schema (check {@code <endpoint>.contract}).
   *
   * @param check the check this request serves (for the request log line)
   */
  public Fetched fetch(String check, ApiRequest request) throws InterruptedException {
    return fetch(check, request, true);
  }

  private Fetched fetch(String check, ApiRequest request, boolean withContract)
      throws InterruptedException {
    checkCancelled();
    ApiExchange exchange =
        client.get(request, new ProbeLog.Context(run.id().toString(), suite().id(), check));
    run.requestsMade(exchange.attempts().size());
    JsonBody json = null;
    String parseError = null;
    String tooLarge = null;
    Optional<HttpAnswer> answer = exchange.answer();
    if (answer.isPresent() && answer.get().status() == 200) {
      long limit = bodyLimit();
      if (answer.get().bodyLength() > limit) {
        tooLarge =
            "body of "
                + answer.get().bodyLength()
                + " bytes exceeds the probe's limit of "
                + limit
                + " bytes (probe.pokeapi.max-body-bytes, at most a Kafka record)";
      } else if (answer.get().notModified()) {
        // the ETag cache keeps only bodies that parsed: parse it again only if a check needs it
        json = JsonBody.deferred(STRICT_JSON, answer.get()::body);
      } else {
        try {
          JsonNode tree = STRICT_JSON.readTree(answer.get().body());
          if (tree == null || tree.isMissingNode()) {
            parseError = "empty body";
          } else {
            json = JsonBody.parsed(tree);
          }
        } catch (JsonProcessingException e) {
          parseError = e.getOriginalMessage() + " at " + location(e);
        } catch (IOException e) {
          parseError = e.getMessage();
        }
      }
    }
    List<ApiResponseCaptured> captures = captures(exchange, json != null);
    if (json != null) {
      ApiResponseCaptured last = captures.get(captures.size() - 1);
      int size = serializedSizeIfNearLimit(last, answer.get().bodyLength());
      if (size > KafkaMessageLimits.MAX_RECORD_BYTES) {
        tooLarge =
            "the capture of this body is "
                + size
                + " bytes serialized, more than a Kafka record takes ("
                + KafkaMessageLimits.MAX_RECORD_BYTES
                + " bytes)";
        json = null;
        captures = captures(exchange, false);
      }
    }
    cacheOnlyValidBodies(exchange, json != null);
    CompletableFuture<Void> published = publish(captures);
    Fetched fetched = new Fetched(exchange, json, parseError, tooLarge, published);
    if (withContract && json != null && contract.enabled()) {
      checkContract(fetched);
    }
    return fetched;
  }

  /** The largest body the probe accepts: its setting, capped by what a Kafka record takes. */
  private long bodyLimit() {
    return Math.min(config.pokeapi().maxBodyBytes(), KafkaMessageLimits.MAX_RECORD_BYTES);
  }

  /**
   * The serialized size of {@code capture}, computed only when it could exceed a Kafka record: a
   * valid JSON body at most doubles when written as a JSON string (every escaped character takes
   * two bytes), so a body under half the record limit (less the envelope) always fits.
   */
  private static int serializedSizeIfNearLimit(ApiResponseCaptured capture, int bodyBytes) {
    if (2L * bodyBytes + ENVELOPE_BYTES <= KafkaMessageLimits.MAX_RECORD_BYTES) {
      return 0;
    }
    return EventJson.toBytes(capture).length;
  }

  /**
   * Keeps a body for later 304s only when it passed parsing (valid JSON, JSON content type); a
   * reused body that turns out unusable is forgotten, so that a corrupted body is never judged
   * twice.
   */
  private void cacheOnlyValidBodies(ApiExchange exchange, boolean parsed) {
    Optional<HttpAnswer> answer = exchange.answer();
    if (answer.isEmpty() || answer.get().status() != 200) {
      return;
    }
    boolean valid = parsed && answer.get().jsonContentType();
    if (valid) {
      client.cacheValidBody(exchange.url(), answer.get());
    } else if (answer.get().notModified()) {
      client.forgetCachedBody(exchange.url());
    }
  }

  /**
   * Runs one check about {@code subject}'s answer and records its result. A failed check is re-run
   * up to {@code probe.checks.reruns} times: each rerun makes the request again (through the rate
   * cap, the retries and the circuit breaker, like any request; without the contract check, which
   * the first fetch recorded) and evaluates {@code body} on the new answer. Every attempt is
   * published; the last one decides the check in the run's totals.
   *
   * @return the status the check ended with
   */
  public CheckStatus check(String name, Fetched subject, SubjectCheck body)
      throws InterruptedException {
    Fetched current = subject;
    int reruns = run.request().reruns() != null ? run.request().reruns() : config.checks().reruns();
    int attempts = 1 + Math.max(0, reruns);
    boolean failedBefore = false;
    for (int attempt = 1; ; attempt++) {
      Fetched evaluated = current;
      Outcome outcome = evaluate(name, evaluated, () -> body.verify(evaluated));
      boolean last = outcome.status() != CheckStatus.FAILED || attempt >= attempts || cancelled();
      boolean flaky = failedBefore && outcome.status() == CheckStatus.PASSED;
      if (outcome.status() == CheckStatus.FAILED) {
        record(name, evaluated.endpoint(), evaluated, outcome, attempt, last, flaky);
      } else {
        recordOncePublished(name, evaluated.endpoint(), evaluated, outcome, attempt, flaky);
      }
      if (last) {
        return outcome.status();
      }
      failedBefore = true;
      metrics.checkRerun(evaluated.endpoint());
      current = fetch(name, evaluated.request(), false);
    }
  }

  /**
   * Runs one check whose body reads {@code subject} and possibly other answers fetched before; it
   * is not re-run (evaluating the same answers again would tell nothing new).
   *
   * @return the status the check ended with
   */
  public CheckStatus check(String name, Fetched subject, CheckBody body)
      throws InterruptedException {
    Outcome outcome = evaluate(name, subject, body);
    if (outcome.status() == CheckStatus.FAILED) {
      record(name, subject.endpoint(), subject, outcome, 1, true, false);
    } else {
      recordOncePublished(name, subject.endpoint(), subject, outcome, 1, false);
    }
    return outcome.status();
  }

  /** Runs one check not tied to a single request (for example a walk over pages); not re-run. */
  public CheckStatus check(String name, String endpoint, CheckBody body)
      throws InterruptedException {
    Outcome outcome = evaluate(name, null, body);
    record(name, endpoint, null, outcome, 1, true, false);
    return outcome.status();
  }

  /** How one attempt of a check ended. */
  private record Outcome(
      CheckStatus status,
      FailureType failureType,
      String message,
      List<AssertionDetail> assertions,
      String evidence,
      Instant startedAt,
      Duration duration) {}

  /** Runs {@code body} once. */
  private Outcome evaluate(String name, Fetched subject, CheckBody body)
      throws InterruptedException {
    Instant startedAt = clock.instant();
    long t0 = System.nanoTime();
    CheckStatus status;
    FailureType failureType = null;
    String message = null;
    List<AssertionDetail> assertions = List.of();
    String evidence = null;
    try {
      body.verify();
      status = CheckStatus.PASSED;
    } catch (CheckFailed failed) {
      status = CheckStatus.FAILED;
      failureType = failed.type();
      message = failed.getMessage();
      assertions = failed.assertions();
      evidence = failed.evidence();
    } catch (CheckSkipped skipped) {
      status = CheckStatus.SKIPPED;
      message = skipped.getMessage();
    } catch (InterruptedException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.errorf(e, "Check %s of run %s broke", name, run.id());
      status = CheckStatus.FAILED;
      failureType = FailureType.ASSERTION;
      message = "the check itself broke: " + e;
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - t0);
    if (subject != null) {
      duration = duration.plus(subject.exchange().duration());
    }
    return new Outcome(status, failureType, message, assertions, evidence, startedAt, duration);
  }

  /**
   * Records a check that did not fail once the broker has acknowledged the captures of {@code
   * subject}: as it is, or failed as {@code publish_failed} when a capture could not be published
   * (the pipeline never saw the answer). The suite does not wait: the result is recorded from
   * another thread when the acknowledgement arrives (at once when it is already there), and the run
   * waits for all such results before its {@code RunFinished}. A check that failed is recorded at
   * once.
   */
  private void recordOncePublished(
      String name, String endpoint, Fetched subject, Outcome outcome, int attempt, boolean flaky)
      throws InterruptedException {
    CompletableFuture<Void> published = subject.published();
    if (published.isDone()) {
      record(name, endpoint, subject, withPublication(outcome, published), attempt, true, flaky);
      return;
    }
    run.checkDeferred();
    published.whenCompleteAsync(
        (ok, failure) -> {
          try {
            record(
                name, endpoint, subject, withPublication(outcome, published), attempt, true, flaky);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (RuntimeException e) {
            LOG.errorf(e, "Could not record check %s of run %s", name, run.id());
          } finally {
            run.deferredCheckDone();
          }
        },
        deferred);
  }

  private static Outcome withPublication(Outcome outcome, CompletableFuture<Void> published) {
    try {
      published.join();
      return outcome;
    } catch (CompletionException | CancellationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new Outcome(
          CheckStatus.FAILED,
          FailureType.PUBLISH_FAILED,
          "the response could not be published to Kafka, so the pipeline never saw it: "
              + FailureClassifier.describe(cause),
          List.of(),
          null,
          outcome.startedAt(),
          outcome.duration());
    }
  }

  private void record(
      String name,
      String endpoint,
      Fetched subject,
      Outcome outcome,
      int attempt,
      boolean last,
      boolean flaky)
      throws InterruptedException {
    List<Attachment> attachments =
        outcome.evidence() == null
            ? List.of()
            : List.of(new Attachment("evidence.txt", "text/plain", outcome.evidence()));
    String message = outcome.message();
    if (flaky) {
      message =
          "flaky: passed on attempt "
              + attempt
              + " after failing"
              + (message == null ? "" : "; " + message);
    }
    CheckResult result =
        new CheckResult(
            CheckResult.SCHEMA_VERSION,
            run.id(),
            suite().id(),
            name,
            endpoint,
            outcome.status(),
            outcome.failureType(),
            message,
            outcome.assertions(),
            attempt,
            outcome.startedAt(),
            outcome.startedAt().plus(outcome.duration()),
            attachments);
    if (last) {
      run.checkRecorded(outcome.status());
      metrics.check(suite().id(), outcome.status());
    }
    if (flaky) {
      run.flakyCheck();
      metrics.checkFlaky(endpoint);
    }
    if (outcome.failureType() != null && isCheckLevel(outcome.failureType())) {
      metrics.failure(endpoint, outcome.failureType());
    }
    log.check(
        new ProbeLog.Context(run.id().toString(), suite().id(), name),
        endpoint,
        "GET",
        subject == null ? null : subject.url(),
        subject == null ? 0 : subject.status(),
        outcome.duration(),
        outcome.status().name().toLowerCase(Locale.ROOT),
        outcome.failureType() == null
            ? null
            : outcome.failureType().name().toLowerCase(Locale.ROOT),
        message,
        attempt,
        last,
        flaky);
    publisher.publish(result);
  }

  /**
   * Whether a failure of this type is counted when the check fails (the request-level ones were
   * counted per attempt by the client already).
   */
  private static boolean isCheckLevel(FailureType type) {
    return switch (type) {
      case HTTP_4XX,
          INVALID_JSON,
          SCHEMA_VALIDATION,
          ASSERTION,
          RESPONSE_TOO_LARGE,
          PUBLISH_FAILED ->
          true;
      default -> false;
    };
  }

  /**
   * The contract check of a JSON answer: about the body's schema only, so it does not wait for the
   * capture's publication (the check the request serves does, and fails if it was lost).
   */
  private void checkContract(Fetched fetched) throws InterruptedException {
    String endpoint = fetched.endpoint();
    String name = endpoint + "." + CONTRACT_CHECK;
    Outcome outcome =
        evaluate(
            name,
            fetched,
            () -> {
              Optional<ContractSchemas.Verdict> verdict =
                  contract.validate(
                      fetched.request(),
                      fetched.answer().orElseThrow().bodySha256(),
                      fetched::json);
              if (verdict.isEmpty()) {
                throw new CheckSkipped(
                    "no published schema applies to " + fetched.request().path());
              }
              if (!verdict.get().valid()) {
                throw new CheckFailed(
                    FailureType.SCHEMA_VALIDATION,
                    verdict.get().total()
                        + " violation(s) of the published schema "
                        + verdict.get().schema()
                        + ", first at "
                        + verdict.get().violations().get(0).path(),
                    verdict.get().violations());
              }
            });
    record(name, endpoint, fetched, outcome, 1, true, false);
  }

  /** The capture of every attempt; the final one with its body when it is JSON to pass on. */
  private List<ApiResponseCaptured> captures(ApiExchange exchange, boolean finalIsJson) {
    List<ApiAttempt> attempts = exchange.attempts();
    ApiRequest request = exchange.request();
    List<ApiResponseCaptured> captures = new ArrayList<>(attempts.size());
    for (int i = 0; i < attempts.size(); i++) {
      ApiAttempt attempt = attempts.get(i);
      boolean last = i == attempts.size() - 1;
      HttpAnswer answer = attempt.answer();
      String body = null;
      if (answer != null && !answer.notModified()) {
        boolean json = last && !exchange.circuitOpen() ? finalIsJson : answer.jsonContentType();
        body = json ? answer.bodyText() : null;
      }
      captures.add(
          new ApiResponseCaptured(
              ApiResponseCaptured.SCHEMA_VERSION,
              run.id(),
              suite().id(),
              request.endpointName(),
              request.resourceKey(),
              attempt.url(),
              "GET",
              attempt.wireStatus(),
              answer == null ? null : answer.headers(),
              attempt.latency(),
              body,
              body == null ? null : answer.bodySha256(),
              attempt.startedAt().plus(attempt.latency())));
    }
    return captures;
  }

  /**
   * Publishes {@code captures}; the result completes when the broker acknowledged all of them (each
   * acknowledged one counts for the run's {@code capturesPublished}), exceptionally when one could
   * not be published.
   */
  private CompletableFuture<Void> publish(List<ApiResponseCaptured> captures)
      throws InterruptedException {
    CompletableFuture<?>[] acks = new CompletableFuture<?>[captures.size()];
    for (int i = 0; i < captures.size(); i++) {
      acks[i] =
          publisher
              .publish(captures.get(i))
              .whenComplete(
                  (ok, failure) -> {
                    if (failure == null) {
                      run.captureAcknowledged();
                    }
                  });
    }
    return CompletableFuture.allOf(acks);
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? "unknown position"
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  /** A short excerpt of a body for a check's evidence. */
  public static String excerpt(HttpAnswer answer) {
    String text = answer.bodyText();
    return text.length() <= EVIDENCE_CHARS ? text : text.substring(0, EVIDENCE_CHARS) + "...";
  }
}
