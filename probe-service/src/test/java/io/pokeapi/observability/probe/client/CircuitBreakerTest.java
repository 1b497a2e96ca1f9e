package io.pokeapi.observability.probe.client;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.CheckStatus;
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import io.pokeapi.observability.pokeapidouble.fault.FaultKind;
import io.pokeapi.observability.pokeapidouble.fault.FaultRule;
import io.pokeapi.observability.probe.config.ProbeConfig;
import io.pokeapi.observability.probe.metrics.ProbeMetrics;
import io.pokeapi.observability.probe.support.InjectPokeApiDouble;
import io.pokeapi.observability.probe.support.KafkaEvents;
import io.pokeapi.observability.probe.support.PokeApiDoubleResource;
import io.pokeapi.observability.probe.support.ProbeTestSupport;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker of each endpoint opens when at least 50% of the last 10 requests failed,
 * half-opens after the delay (30 s by default, 1 s in tests) and closes after 3 successes in a row.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PokeApiDoubleResource.class)
class CircuitBreakerTest {

  private static KafkaEvents events;

  @InjectPokeApiDouble PokeApiDouble pokeApi;
  @Inject EndpointGuards guards;
  @Inject EtagCache etags;
  @Inject ProbeConfig config;
  @Inject PokeApiClient client;

  @BeforeAll
  static void consume() {
    events = KafkaEvents.fromNow(KafkaBroker.shared().bootstrapServers());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    events.close();
  }

  /** The service's guards, but without retries, so that each call is one request of the window. */
  private EndpointGuards singleAttemptGuards(Duration halfOpenDelay) {
    ProbeConfig.Retry noRetry =
        new ProbeConfig.Retry() {
          @Override
          public int maxRetries() {
            return 0;
          }

          @Override
          public Duration initialDelay() {
            return Duration.ofMillis(10);
          }

          @Override
          public Duration maxDelay() {
            return Duration.ofMillis(20);
          }

          @Override
          public Duration jitter() {
            return Duration.ZERO;
          }
        };
    ProbeConfig.CircuitBreaker breaker = config.circuitBreaker();
    ProbeConfig.CircuitBreaker fastBreaker =
        (ProbeConfig.CircuitBreaker)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ProbeConfig.CircuitBreaker.class},
                (proxy, method, args) ->
                    method.getName().equals("delay")
                        ? halfOpenDelay
                        : method.invoke(breaker, args));
    ProbeConfig custom =
        (ProbeConfig)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ProbeConfig.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "retry" -> noRetry;
                      case "circuitBreaker" -> fastBreaker;
                      default -> method.invoke(config, args);
                    });
    // their own registry: these throw-away breakers must not show up in the service's metrics
    return new EndpointGuards(custom, new ProbeMetrics(new SimpleMeterRegistry()));
  }

  private static final ApiAttempt FAILED_ATTEMPT =
      new ApiAttempt(
          1, "http://x/", Instant.EPOCH, Duration.ZERO, null, FailureType.CONNECTION, "x");

  private static boolean call(Guard guard, boolean fail, AtomicInteger invocations)
      throws Exception {
    return guard.call(
        () -> {
          invocations.incrementAndGet();
          if (fail) {
            throw new RetryableFailure(FAILED_ATTEMPT);
          }
          return true;
        },
        Boolean.class);
  }

  private static void callIgnoringFailure(Guard guard, boolean fail, AtomicInteger invocations) {
    try {
      call(guard, fail, invocations);
    } catch (Exception expected) {
      // a failure counted by the breaker
    }
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void fiveFailuresInTheLastTenRequestsOpenTheBreaker() {
    EndpointGuards guards = singleAttemptGuards(Duration.ofSeconds(30));
    String endpoint = unique("half");
    Guard guard = guards.forEndpoint(endpoint);
    AtomicInteger invocations = new AtomicInteger();
    for (int i = 0; i < 10; i++) {
      assertThat(guards.state(endpoint))
          .as("after %d requests", i)
          .isEqualTo(CircuitBreakerState.CLOSED);
      callIgnoringFailure(guard, i % 2 == 0, invocations);
    }

    assertThat(guards.state(endpoint)).isEqualTo(CircuitBreakerState.OPEN);
    assertThatThrownBy(() -> call(guard, false, invocations))
        .isInstanceOf(CircuitBreakerOpenException.class);
    assertThat(invocations).as("the open breaker let nothing through").hasValue(10);
  }

  @Test
  void fourFailuresInTheLastTenRequestsKeepItClosed() {
    EndpointGuards guards = singleAttemptGuards(Duration.ofSeconds(30));
    String endpoint = unique("forty");
    Guard guard = guards.forEndpoint(endpoint);
    AtomicInteger invocations = new AtomicInteger();
    for (int i = 0; i < 10; i++) {
      callIgnoringFailure(guard, i < 4, invocations);
    }

    assertThat(guards.state(endpoint)).isEqualTo(CircuitBreakerState.CLOSED);
    callIgnoringFailure(guard, false, invocations);
    assertThat(invocations).hasValue(11);
  }

  @Test
  void itHalfOpensAfterTheDelayAndClosesAfterThreeSuccessesInARow() throws Exception {
    EndpointGuards guards = singleAttemptGuards(Duration.ofMillis(300));
    String endpoint = unique("recover");
    Guard guard = guards.forEndpoint(endpoint);
    AtomicInteger invocations = new AtomicInteger();
    for (int i = 0; i < 10; i++) {
      callIgnoringFailure(guard, true, invocations);
    }
    assertThat(guards.state(endpoint)).isEqualTo(CircuitBreakerState.OPEN);

    await().pollDelay(Duration.ofMillis(350)).atMost(Duration.ofSeconds(10)).until(() -> true);
    call(guard, false, invocations);
    assertThat(guards.state(endpoint)).isEqualTo(CircuitBreakerState.HALF_OPEN);
    call(guard, false, invocations);
    assertThat(guards.state(endpoint)).isEqualTo(CircuitBreakerState.HALF_OPEN);
    call(guard, false, invocations);
    assertThat(guards.state(endpoint)).isEqualTo(CircuitBreakerState.CLOSED);
  }

  @Test
  void aFailureWhileHalfOpenOpensItAgain() throws Exception {
    EndpointGuards guards = singleAttemptGuards(Duration.ofMillis(300));
    String endpoint = unique("relapse");
    Guard guard = guards.forEndpoint(endpoint);
    AtomicInteger invocations = new AtomicInteger();
    for (int i = 0; i < 10; i++) {
      callIgnoringFailure(guard, true, invocations);
    }
    Thread.sleep(350);
    call(guard, false, invocations);
    call(guard, false, invocations);
    callIgnoringFailure(guard, true, invocations);

    assertThat(guards.state(endpoint)).isEqualTo(CircuitBreakerState.OPEN);
  }

  private double gauge(String endpoint) {
    String line =
        given()
            .when()
            .get("/q/metrics")
            .then()
            .statusCode(200)
            .extract()
            .asString()
            .lines()
            .filter(l -> l.startsWith("pokeapi_circuit_breaker_state{"))
            .filter(l -> l.contains("endpoint=\"" + endpoint + "\""))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no breaker gauge of " + endpoint));
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  private List<CheckResult> lookups(List<String> resources) {
    UUID run = ProbeTestSupport.startRun("smoke", null, resources);
    ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(60));
    events.awaitFinished(run, Duration.ofSeconds(30));
    return events.checks(run).stream().filter(c -> c.checkName().endsWith(".by-id")).toList();
  }

  @Test
  void againstTheDoubleTheBreakerOfOneEndpointOpensAfterTenFailedRequestsAndRecovers()
      throws InterruptedException {
    String endpoint = "stat";
    guards.reset(endpoint);
    etags.clear();
    FaultRule outage = pokeApi.faults().add(FaultRule.on(endpoint, FaultKind.HTTP_503));
    long before = pokeApi.metrics().requests(endpoint);
    try {
      UUID run =
          ProbeTestSupport.startRun("smoke", null, List.of("stat/1", "stat/2", "stat/3", "stat/4"));
      ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(60));
      events.awaitFinished(run, Duration.ofSeconds(30));
      List<CheckResult> checks =
          events.checks(run).stream().filter(c -> c.checkName().endsWith(".by-id")).toList();
      // 4 + 4 attempts fail the first two lookups; the 9th and 10th fail the third one and open
      // the breaker, which refuses its remaining retries (still the 5xx it saw, never a skip);
      // the open breaker sends nothing for the fourth, which fails as circuit_open
      assertThat(checks)
          .extracting(CheckResult::status, CheckResult::failureType)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(CheckStatus.FAILED, FailureType.HTTP_5XX),
              org.assertj.core.groups.Tuple.tuple(CheckStatus.FAILED, FailureType.HTTP_5XX),
              org.assertj.core.groups.Tuple.tuple(CheckStatus.FAILED, FailureType.HTTP_5XX),
              org.assertj.core.groups.Tuple.tuple(CheckStatus.FAILED, FailureType.CIRCUIT_OPEN));
      assertThat(pokeApi.metrics().requests(endpoint) - before).isEqualTo(10);
      assertThat(gauge(endpoint)).isEqualTo(1.0);
      assertThat(gauge("pokemon")).as("other endpoints keep their own breaker").isZero();
    } finally {
      pokeApi.faults().remove(outage.id());
    }

    await()
        .pollDelay(config.circuitBreaker().delay().plusMillis(100))
        .atMost(Duration.ofSeconds(10))
        .until(() -> true);
    List<CheckResult> recovered = lookups(List.of("stat/4", "stat/5", "stat/6"));

    assertThat(recovered).allMatch(c -> c.status() == CheckStatus.PASSED);
    assertThat(guards.state(endpoint)).isEqualTo(CircuitBreakerState.CLOSED);
    assertThat(gauge(endpoint)).isZero();
  }
}
