package io.pokeapi.observability.probe.client;

import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.common.contract.ResponseHeaders;
import io.pokeapi.observability.probe.config.ProbeConfig;
import io.pokeapi.observability.probe.logging.ProbeLog;
import io.pokeapi.observability.probe.logging.SecretMasker;
import io.pokeapi.observability.probe.metrics.ProbeMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Calls PokéAPI the polite and resilient way: under the rate cap, conditionally when an ETag is
 * known, through the endpoint's guard (retries, circuit breaker, timeout) and the 429 guard; each
 * attempt is measured and logged. Blocking: call it from a worker or virtual thread.
 */
@ApplicationScoped
public class PokeApiClient {

  private static final String METHOD = "GET";

  private final PokeApiRestClient rest;
  private final EndpointGuards guards;
  private final RateCap rateCap;
  private final EtagCache etags;
  private final ProbeMetrics metrics;
  private final ProbeLog log;
  private final SecretMasker masker;
  private final ProbeConfig config;
  private final Clock clock = Clock.systemUTC();

  public PokeApiClient(
      PokeApiRestClient rest,
      EndpointGuards guards,
      RateCap rateCap,
      EtagCache etags,
      ProbeMetrics metrics,
      ProbeLog log,
      SecretMasker masker,
      ProbeConfig config) {
    this.rest = rest;
    this.guards = guards;
    this.rateCap = rateCap;
    this.etags = etags;
    this.metrics = metrics;
    this.log = log;
    this.masker = masker;
    this.config = config;
  }

  /** The base URL requests are made against. */
  public String baseUrl() {
    return config.pokeapi().baseUrl();
  }

  /**
   * Makes {@code request}, retrying as configured, and tells how it went. Never throws for what the
   * API does; only an interrupt (the run was cancelled) ends it early.
   *
   * @throws InterruptedException when the calling thread is interrupted
   */
  public ApiExchange get(ApiRequest request, ProbeLog.Context context) throws InterruptedException {
    String endpoint = request.endpointLabel();
    String url = masker.mask(request.url(baseUrl()));
    List<ApiAttempt> attempts = Collections.synchronizedList(new ArrayList<>());
    long started = System.nanoTime();
    boolean circuitOpen = false;
    try {
      guards
          .rateLimitGuard()
          .call(
              () ->
                  guards
                      .forEndpoint(endpoint)
                      .call(
                          () -> attempt(request, url, endpoint, context, attempts),
                          HttpAnswer.class),
              HttpAnswer.class);
    } catch (CircuitBreakerOpenException e) {
      circuitOpen = true;
    } catch (RetryableFailure | RateLimitedFailure e) {
      // retries exhausted: the attempts tell what happened
    } catch (TimeoutException e) {
      // the guard's timeout fired; record it if the attempt could not
      recordTimeout(request, url, endpoint, context, attempts);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("run cancelled");
      }
      throw new IllegalStateException("unexpected failure calling " + url, e);
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("run cancelled");
    }
    if (circuitOpen) {
      refused(endpoint, url, context, attempts.size() + 1);
    }
    return new ApiExchange(
        request, url, attempts, circuitOpen, Duration.ofNanos(System.nanoTime() - started));
  }

  private HttpAnswer attempt(
      ApiRequest request,
      String url,
      String endpoint,
      ProbeLog.Context context,
      List<ApiAttempt> attempts)
      throws Exception {
    rateCap.acquire();
    int number = attempts.size() + 1;
    Instant startedAt = clock.instant();
    long t0 = System.nanoTime();
    Optional<String> etag = etags.etagFor(url);
    HttpAnswer answer;
    try (Response response =
        rest.get(
            request.encodedPath(),
            request.query(),
            etag.orElse(null),
            config.pokeapi().userAgent())) {
      answer = read(response, url, etag);
    } catch (Exception e) {
      if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
        // the guard's timeout (or a cancel) interrupted us: let the guard decide
        Duration latency = Duration.ofNanos(System.nanoTime() - t0);
        ApiAttempt failed =
            new ApiAttempt(
                number, url, startedAt, latency, null, FailureType.TIMEOUT, "interrupted");
        attempts.add(failed);
        observe(failed, endpoint, context);
        throw e;
      }
      Duration latency = Duration.ofNanos(System.nanoTime() - t0);
      ApiAttempt failed =
          new ApiAttempt(
              number,
              url,
              startedAt,
              latency,
              null,
              FailureClassifier.forThrowable(e),
              FailureClassifier.describe(e));
      attempts.add(failed);
      observe(failed, endpoint, context);
      throw new RetryableFailure(failed);
    }
    Duration latency = Duration.ofNanos(System.nanoTime() - t0);
    ApiAttempt done = new ApiAttempt(number, url, startedAt, latency, answer, null, null);
    attempts.add(done);
    observe(done, endpoint, context);
    if (answer.status() == 429) {
      throw new RateLimitedFailure(done, RetryAfter.parse(answer.retryAfter(), clock).orElse(null));
    }
    if (answer.status() >= 500) {
      throw new RetryableFailure(done);
    }
    return answer;
  }

  private HttpAnswer read(Response response, String url, Optional<String> sentEtag) {
    int status = response.getStatus();
    ResponseHeaders headers = ResponseHeaders.from(response::getHeaderString);
    String retryAfter = response.getHeaderString("Retry-After");
    String cfMitigated = response.getHeaderString("cf-mitigated");
    if (status == 304) {
      Optional<EtagCache.Entry> cached =
          etags.lookup(url, headers.etag() != null ? headers.etag() : sentEtag.orElse(null));
      if (cached.isPresent()) {
        ResponseHeaders merged =
            new ResponseHeaders(
                headers.contentType() != null ? headers.contentType() : cached.get().contentType(),
                cached.get().etag(),
                headers.cacheControl(),
                headers.age(),
                headers.pokeapiHash(),
                headers.pokeapiDeployDate(),
                headers.cfCacheStatus());
        return new HttpAnswer(
            200,
            merged,
            retryAfter,
            cfMitigated,
            cached.get().content(),
            true,
            cached.get().bodySha256());
      }
      etags.forget(url);
    }
    byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
    return new HttpAnswer(status, headers, retryAfter, cfMitigated, body, false);
  }

  /**
   * Keeps {@code answer}'s body for later 304s of {@code url}: call it only for a body that passed
   * parsing (valid JSON of a JSON content type), so that a corrupted body is never judged again.
   */
  public void cacheValidBody(String url, HttpAnswer answer) {
    if (answer.status() == 200 && !answer.notModified()) {
      etags.remember(
          url,
          answer.headers().etag(),
          answer.headers().contentType(),
          answer.body(),
          answer.bodySha256());
    }
  }

  /** Forgets the cached body of {@code url} (it turned out unusable). */
  public void forgetCachedBody(String url) {
    etags.forget(url);
  }

  /** The open breaker refused to send the request: counted and logged as {@code circuit_open}. */
  private void refused(String endpoint, String url, ProbeLog.Context context, int number) {
    metrics.failure(endpoint, FailureType.CIRCUIT_OPEN);
    log.request(
        context,
        endpoint,
        METHOD,
        url,
        0,
        Duration.ZERO,
        number,
        "circuit_open",
        "circuit breaker of '" + endpoint + "' is open: request not sent");
  }

  private void recordTimeout(
      ApiRequest request,
      String url,
      String endpoint,
      ProbeLog.Context context,
      List<ApiAttempt> attempts) {
    boolean lastIsTimeout =
        !attempts.isEmpty()
            && attempts.get(attempts.size() - 1).transportFailure() == FailureType.TIMEOUT;
    if (!lastIsTimeout) {
      Duration timeout = config.pokeapi().timeout();
      ApiAttempt failed =
          new ApiAttempt(
              attempts.size() + 1,
              url,
              clock.instant().minus(timeout),
              timeout,
              null,
              FailureType.TIMEOUT,
              "no answer within " + timeout.toMillis() + " ms");
      attempts.add(failed);
      observe(failed, endpoint, context);
    }
  }

  private void observe(ApiAttempt attempt, String endpoint, ProbeLog.Context context) {
    metrics.request(endpoint, attempt.latency());
    if (attempt.answer() != null && !attempt.answer().notModified()) {
      metrics.responseBytes(endpoint, attempt.answer().body().length);
    }
    Optional<FailureType> failure = FailureClassifier.requestFailure(attempt);
    failure.ifPresent(type -> metrics.failure(endpoint, type));
    if (attempt.wireStatus() == 429) {
      metrics.rateLimited();
    }
    log.request(
        context,
        endpoint,
        METHOD,
        attempt.url(),
        attempt.wireStatus(),
        attempt.latency(),
        attempt.number(),
        failure.map(t -> t.name().toLowerCase(Locale.ROOT)).orElse(null),
        attempt.error());
  }
}
