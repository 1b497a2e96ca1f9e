package io.pokeapi.observability.probe.config;

import io.pokeapi.observability.common.contract.KafkaMessageLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every knob of the probe, under the prefix {@code probe}. The defaults are the production numbers;
 * each key can be overridden by its environment variable (for example {@code
 * PROBE_POKEAPI_BASE_URL}, {@code PROBE_CIRCUIT_BREAKER_DELAY}, {@code PROBE_API_TOKEN}).
 */
@ConfigMapping(prefix = "probe")
public interface ProbeConfig {

  /** Where PokéAPI is and how a single request is made. */
  PokeApi pokeapi();

  /** Retries of network errors, timeouts and 5xx answers. */
  Retry retry();

  /** Retries of 429 answers. */
  @WithName("rate-limit-retry")
  RateLimitRetry rateLimitRetry();

  /** The circuit breaker that each endpoint has. */
  @WithName("circuit-breaker")
  CircuitBreaker circuitBreaker();

  /** The client-side token bucket that caps the request rate. */
  @WithName("rate-cap")
  RateCap rateCap();

  /** Conditional requests (If-None-Match with the last ETag seen). */
  @WithName("conditional-requests")
  ConditionalRequests conditionalRequests();

  /** The bodies remembered as having passed the model and contract checks. */
  @WithName("passed-bodies")
  PassedBodies passedBodies();

  /** The REST API that triggers runs. */
  Api api();

  /** Cron triggers of the suites. */
  Schedule schedule();

  /** The smoke suite. */
  Smoke smoke();

  /** The regression suite. */
  Regression regression();

  /** The sweep suite. */
  Sweep sweep();

  /** Validation of every response against PokéAPI's published JSON Schemas. */
  Contract contract();

  /** Re-runs of failed checks. */
  Checks checks();

  /**
   * The name of this probe instance, written on each run event (Kafka header {@code
   * pokeobs-probe-instance}) so that after a restart an instance closes only the runs it owned;
   * defaults to the host name (the pod name in Kubernetes). Give each replica a distinct, stable
   * value (a StatefulSet's pod name) when the host name changes on restart.
   */
  @WithName("instance-id")
  Optional<String> instanceId();

  /** Closing the runs a killed probe left open, at startup. */
  Recovery recovery();

  interface Recovery {
    /** Whether the probe looks for runs left open (RunStarted without RunFinished) at startup. */
    @WithDefault("true")
    boolean enabled();

    /** How far back pokeapi.run-events is read at startup. */
    @WithDefault("P7D")
    Duration lookback();

    /**
     * A run left open by another instance (or by a probe that wrote no instance) is closed once it
     * started this long ago: longer than any run takes, so a live replica's run is never touched.
     */
    @WithName("orphan-after")
    @WithDefault("PT24H")
    Duration orphanAfter();

    /** Delay between attempts when the broker cannot be read at startup. */
    @WithName("retry-delay")
    @WithDefault("10s")
    Duration retryDelay();
  }

  interface Checks {
    /**
     * How many times a failed check is re-run in the same run (its request made again and its
     * assertions evaluated again); 0 turns reruns off. A check that fails, then passes is flaky.
     */
    @WithDefault("2")
    int reruns();
  }

  interface PokeApi {
    /** Base URL of the API, up to and including {@code /api/v2}. */
    @WithName("base-url")
    @WithDefault("https://pokeapi.co/api/v2")
    String baseUrl();

    /** Time one request (one attempt) may take, end to end. */
    @WithDefault("10s")
    Duration timeout();

    /** Time to open a connection. */
    @WithName("connect-timeout")
    @WithDefault("5s")
    Duration connectTimeout();

    /** The User-Agent the probe sends, so that PokéAPI's operators can tell who calls. */
    @WithName("user-agent")
    @WithDefault("pokeapi-observability-probe/1.0")
    String userAgent();

    /**
     * The largest body the probe accepts; a larger one fails its check as {@code
     * response_too_large} and is published without its body (the largest real body, pokemon 151, is
     * 1.34 MB). It defaults to, and is capped at, common-model's {@code
     * KafkaMessageLimits.MAX_RECORD_BYTES}: a body that cannot fit a Kafka record is never passed.
     */
    @WithName("max-body-bytes")
    @WithDefault("" + KafkaMessageLimits.MAX_RECORD_BYTES)
    long maxBodyBytes();
  }

  interface Retry {
    /** Retries after the first attempt, for network errors, timeouts and 5xx answers. */
    @WithName("max-retries")
    @WithDefault("3")
    int maxRetries();

    /** Delay before the first retry; each next delay doubles, up to {@link #maxDelay()}. */
    @WithName("initial-delay")
    @WithDefault("1s")
    Duration initialDelay();

    @WithName("max-delay")
    @WithDefault("8s")
    Duration maxDelay();

    /** Random variation added to or taken from each delay. */
    @WithDefault("500ms")
    Duration jitter();
  }

  interface RateLimitRetry {
    /** Retries of a request answered with 429. */
    @WithName("max-retries")
    @WithDefault("5")
    int maxRetries();

    /** Delay before the first retry when the answer has no usable Retry-After; it doubles. */
    @WithName("initial-delay")
    @WithDefault("1s")
    Duration initialDelay();

    @WithName("max-delay")
    @WithDefault("8s")
    Duration maxDelay();

    /** Up to this much random delay is added to each computed delay. */
    @WithName("max-jitter")
    @WithDefault("1s")
    Duration maxJitter();

    /** A Retry-After longer than this is cut to it, so a hostile answer cannot stall a run. */
    @WithName("max-retry-after")
    @WithDefault("60s")
    Duration maxRetryAfter();
  }

  interface CircuitBreaker {
    /** Size of the rolling window of requests the failure ratio is computed on. */
    @WithName("request-volume-threshold")
    @WithDefault("10")
    int requestVolumeThreshold();

    /** The breaker opens when at least this share of the window failed. */
    @WithName("failure-ratio")
    @WithDefault("0.5")
    double failureRatio();

    /** Time the breaker stays open before it lets a trial request through (half-open). */
    @WithDefault("30s")
    Duration delay();

    /** Successes in a row that close a half-open breaker. */
    @WithName("success-threshold")
    @WithDefault("3")
    int successThreshold();
  }

  interface RateCap {
    /** Sustained requests per second; 0 or less turns the cap off. Polite for the public API. */
    @WithName("requests-per-second")
    @WithDefault("5")
    double requestsPerSecond();

    /** Requests that may go at once after a pause (the bucket's capacity). */
    @WithDefault("5")
    int burst();
  }

  interface ConditionalRequests {
    @WithDefault("true")
    boolean enabled();

    /**
     * Bytes of compressed bodies kept to answer a 304 (32 MiB: the 2,770 bodies of a full sweep of
     * four endpoints take 14 MB); least valuable entries are evicted.
     */
    @WithName("cache-max-bytes")
    @WithDefault("33554432")
    long cacheMaxBytes();
  }

  interface PassedBodies {
    /**
     * How many passes of the model and contract checks are remembered by the SHA-256 of the body
     * (about 100 bytes each), so that an unchanged body is not validated again; 0 turns it off.
     */
    @WithName("max-entries")
    @WithDefault("50000")
    long maxEntries();
  }

  interface Api {
    /**
     * When set, every mutating call (POST, PUT, PATCH, DELETE) must carry it as {@code
     * Authorization: Bearer <token>} or {@code X-API-Token}, else it gets 401.
     */
    Optional<String> token();

    /** Finished runs kept for {@code GET /api/runs}. */
    @WithName("recent-runs")
    @WithDefault("50")
    int recentRuns();
  }

  /**
   * Each trigger is a Quartz-style cron (with seconds); {@code off} or {@code disabled} turns it
   * off.
   */
  interface Schedule {
    /** Smoke every 15 minutes. */
    @WithDefault("0 */15 * * * ?")
    String smoke();

    /** Regression daily at 02:00 (in {@link #timeZone()}). */
    @WithDefault("0 0 2 * * ?")
    String regression();

    /** Sweep every 6 hours. */
    @WithDefault("0 0 */6 * * ?")
    String sweep();

    /** Time zone of the cron expressions. */
    @WithName("time-zone")
    @WithDefault("UTC")
    String timeZone();
  }

  interface Smoke {
    /**
     * What the smoke suite looks up, each as {@code endpoint:id:name}; every target is fetched by
     * id and by name.
     */
    @WithDefault("pokemon:25:pikachu,type:10:fire,ability:65:overgrow")
    List<LookupTarget> targets();
  }

  interface Regression {
    /** Endpoints whose every page is walked. */
    @WithName("pagination-endpoints")
    @WithDefault("type,ability")
    List<String> paginationEndpoints();

    /** Page size used to walk the pages. */
    @WithName("page-size")
    @WithDefault("20")
    int pageSize();

    /** Resources compared by id and by name, with and without the trailing slash, mixed case. */
    @WithDefault("pokemon:25:pikachu,pokemon-species:133:eevee,type:10:fire,ability:65:overgrow")
    List<LookupTarget> lookups();

    /** Endpoint the error-handling checks call with invalid ids and names. */
    @WithName("error-endpoint")
    @WithDefault("pokemon")
    String errorEndpoint();

    /** Ids that must give 404. */
    @WithName("invalid-ids")
    @WithDefault("0,-1,2147483648,99999999999999999999")
    List<String> invalidIds();

    /** Well-formed names ({@code [A-Za-z0-9_-]+}) of nothing, which must give 404. */
    @WithName("garbage-names")
    @WithDefault("missingno-0000,not_a_pokemon,zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")
    List<String> garbageNames();

    /**
     * Names with characters the API's router rejects (anything outside {@code [A-Za-z0-9_-]}): the
     * live API answers them 400, like an unknown endpoint.
     */
    @WithName("malformed-names")
    @WithDefault("not a pokemon,pikachu'--,%%%")
    List<String> malformedNames();

    /** An endpoint that does not exist; it must give 400. */
    @WithName("unknown-endpoint")
    @WithDefault("not-an-endpoint")
    String unknownEndpoint();

    /** Types whose cross-references with pokemon are checked both ways. */
    @WithName("cross-reference-types")
    @WithDefault("fire")
    List<String> crossReferenceTypes();

    /** At most this many pokemon of each type are fetched to check the reverse reference. */
    @WithName("cross-reference-sample")
    @WithDefault("10")
    int crossReferenceSample();

    /** Resources ({@code endpoint/id}) whose {@code url} fields must all resolve. */
    @WithName("url-sample-resources")
    @WithDefault("pokemon/25")
    List<String> urlSampleResources();

    /** At most this many distinct urls of each sampled body are resolved. */
    @WithName("url-sample-size")
    @WithDefault("20")
    int urlSampleSize();

    /**
     * Only urls into these endpoints are resolved; unset means every endpoint (as against
     * pokeapi.co). A data set that holds the resources of some endpoints only (the offline stack's
     * PokéAPI double on the shared data) sets it to those, so that the check tests the links it
     * can.
     */
    @WithName("url-endpoints")
    Optional<List<String>> urlEndpoints();
  }

  interface Sweep {
    /** Endpoints swept; any of PokéAPI's endpoints. */
    @WithDefault("pokemon,pokemon-species,type,ability")
    List<String> endpoints();

    /** Requests in flight at once (under the rate cap). */
    @WithDefault("4")
    int concurrency();

    /** Page size used to discover the ids from the list endpoints. */
    @WithName("page-size")
    @WithDefault("1000")
    int pageSize();
  }

  interface Contract {
    @WithDefault("true")
    boolean enabled();

    /**
     * Where PokéAPI's JSON Schemas ({@code schema/v2}) are: a directory or a base URL, for example
     * the api-data repository's raw files or {@code ../shared/pokeapi/schema/v2}.
     */
    @WithName("schema-location")
    @WithDefault("https://raw.githubusercontent.com/PokeAPI/api-data/master/data/schema/v2")
    String schemaLocation();
  }
}
