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
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.probe.client.ApiAttempt;
import io.pokeapi.observability.probe.client.ApiExchange;
import io.pokeapi.observability.probe.client.ApiRequest;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
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

  /** The body of a check: returns normally to pass, throws {@link CheckFailed} or skipped. */
  @FunctionalInterface
  public interface CheckBody {
    void verify() throws InterruptedException;
  }

  private final Run run;
  private final PokeApiClient client;
  private final ProbeEventPublisher publisher;
  private final ContractSchemas contract;
  private final ProbeMetrics metrics;
  private final ProbeLog log;
  private final ProbeConfig config;
  private final Clock clock;

  RunContext(
      Run run,
      PokeApiClient client,
      ProbeEventPublisher publisher,
      ContractSchemas contract,
      ProbeMetrics metrics,
      ProbeLog log,
      ProbeConfig config,
      Clock clock) {
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
    checkCancelled();
    ApiExchange exchange =
        client.get(request, new ProbeLog.Context(run.id().toString(), suite().id(), check));
    run.requestsMade(exchange.attempts().size());
    JsonNode json = null;
    String parseError = null;
    boolean tooLarge = false;
    Optional<HttpAnswer> answer = exchange.answer();
    if (answer.isPresent() && answer.get().status() == 200) {
      if (answer.get().body().length > config.pokeapi().maxBodyBytes()) {
        tooLarge = true;
      } else {
        try {
          json = STRICT_JSON.readTree(answer.get().body());
          if (json == null || json.isMissingNode()) {
            json = null;
            parseError = "empty body";
          }
        } catch (JsonProcessingException e) {
          parseError = e.getOriginalMessage() + " at " + location(e);
        } catch (IOException e) {
          parseError = e.getMessage();
        }
      }
    }
    publishAttempts(exchange, json != null);
    Fetched fetched = new Fetched(exchange, json, parseError, tooLarge);
    if (json != null && contract.enabled()) {
      checkContract(fetched);
    }
    return fetched;
  }

  /**
   * Runs one check about {@code subject}'s answer and records its result.
   *
   * @return the status the check ended with
   */
  public CheckStatus check(String name, Fetched subject, CheckBody body)
      throws InterruptedException {
    return check(name, subject.endpoint(), subject, body);
  }

  /** Runs one check not tied to a single request (for example a walk over pages). */
  public CheckStatus check(String name, String endpoint, CheckBody body)
      throws InterruptedException {
    return check(name, endpoint, null, body);
  }

  private CheckStatus check(String name, String endpoint, Fetched subject, CheckBody body)
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
    record(
        name,
        endpoint,
        subject,
        status,
        failureType,
        message,
        assertions,
        evidence,
        startedAt,
        duration);
    return status;
  }

  private void record(
      String name,
      String endpoint,
      Fetched subject,
      CheckStatus status,
      FailureType failureType,
      String message,
      List<AssertionDetail> assertions,
      String evidence,
      Instant startedAt,
      Duration duration)
      throws InterruptedException {
    int attempt = subject == null ? 1 : Math.max(1, subject.exchange().attempts().size());
    List<Attachment> attachments =
        evidence == null
            ? List.of()
            : List.of(new Attachment("evidence.txt", "text/plain", evidence));
    CheckResult result =
        new CheckResult(
            CheckResult.SCHEMA_VERSION,
            run.id(),
            suite().id(),
            name,
            endpoint,
            status,
            failureType,
            message,
            assertions,
            attempt,
            startedAt,
            startedAt.plus(duration),
            attachments);
    run.checkRecorded(status);
    metrics.check(suite().id(), status);
    if (failureType != null && isCheckLevel(failureType)) {
      metrics.failure(endpoint, failureType);
    }
    log.check(
        new ProbeLog.Context(run.id().toString(), suite().id(), name),
        endpoint,
        "GET",
        subject == null ? null : subject.url(),
        subject == null ? 0 : subject.status(),
        duration,
        status.name().toLowerCase(Locale.ROOT),
        failureType == null ? null : failureType.name().toLowerCase(Locale.ROOT),
        message);
    publisher.publish(result);
  }

  /**
   * Whether a failure of this type is counted when the check fails (the request-level ones were
   * counted per attempt by the client already).
   */
  private static boolean isCheckLevel(FailureType type) {
    return switch (type) {
      case HTTP_4XX, INVALID_JSON, SCHEMA_VALIDATION, ASSERTION -> true;
      default -> false;
    };
  }

  private void checkContract(Fetched fetched) throws InterruptedException {
    String endpoint = fetched.endpoint();
    check(
        endpoint + "." + CONTRACT_CHECK,
        fetched,
        () -> {
          Optional<ContractSchemas.Verdict> verdict =
              contract.validate(fetched.request(), fetched.json());
          if (verdict.isEmpty()) {
            throw new CheckSkipped("no published schema applies to " + fetched.request().path());
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
  }

  private void publishAttempts(ApiExchange exchange, boolean finalIsJson)
      throws InterruptedException {
    List<ApiAttempt> attempts = exchange.attempts();
    ApiRequest request = exchange.request();
    for (int i = 0; i < attempts.size(); i++) {
      ApiAttempt attempt = attempts.get(i);
      boolean last = i == attempts.size() - 1;
      HttpAnswer answer = attempt.answer();
      String body = null;
      if (answer != null && !answer.notModified()) {
        boolean json = last && !exchange.circuitOpen() ? finalIsJson : answer.jsonContentType();
        body = json ? answer.bodyText() : null;
      }
      publisher.publish(
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
              body == null ? null : ApiResponseCaptured.sha256Hex(answer.body()),
              attempt.startedAt().plus(attempt.latency())));
    }
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
