package io.pokeapi.observability.probe.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.CheckStatus;
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import io.pokeapi.observability.pokeapidouble.fault.FaultKind;
import io.pokeapi.observability.pokeapidouble.fault.FaultRule;
import io.pokeapi.observability.probe.support.InjectPokeApiDouble;
import io.pokeapi.observability.probe.support.KafkaEvents;
import io.pokeapi.observability.probe.support.PokeApiDoubleResource;
import io.pokeapi.observability.probe.support.ProbeTestSupport;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each failure type, injected with the double into one endpoint (berry), ends the check with that
 * type after exactly the retries the issue allows: 3 for network errors, timeouts and 5xx, 5 for
 * 429, none for other 4xx or a bad body.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PokeApiDoubleResource.class)
class FailureTypesTest {

  private static final String ENDPOINT = "berry";
  private static KafkaEvents events;

  @InjectPokeApiDouble PokeApiDouble pokeApi;
  @Inject EndpointGuards guards;
  @Inject EtagCache etags;

  @BeforeAll
  static void consume() {
    events = KafkaEvents.fromNow(KafkaBroker.shared().bootstrapServers());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    events.close();
  }

  @BeforeEach
  @AfterEach
  void healthyBerries() {
    pokeApi.faults().clear();
    guards.reset(ENDPOINT);
    etags.clear(); // a 304 would short-circuit the body faults
  }

  /** Runs smoke on berry/1 and returns its lookup check. */
  private CheckResult lookupBerry(UUID[] runHolder) {
    UUID run = ProbeTestSupport.startRun("smoke", null, List.of("berry/1"));
    if (runHolder != null) {
      runHolder[0] = run;
    }
    ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(60));
    events.awaitFinished(run, Duration.ofSeconds(30));
    return events.checks(run).stream()
        .filter(c -> c.checkName().equals("berry.by-id"))
        .findFirst()
        .orElseThrow();
  }

  private void assertFailure(FaultRule fault, FailureType expected, int expectedRequests) {
    pokeApi.faults().add(fault);
    long before = pokeApi.metrics().requests(ENDPOINT);
    long injectedBefore = pokeApi.metrics().faultsInjected(ENDPOINT, fault.kind());

    UUID[] run = new UUID[1];
    CheckResult check = lookupBerry(run);

    assertThat(check.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(check.failureType()).isEqualTo(expected);
    assertThat(check.attempt()).as("the check ran once (no reruns in this test)").isEqualTo(1);
    assertThat(events.responses(run[0])).as("one capture per request").hasSize(expectedRequests);
    assertThat(pokeApi.metrics().faultsInjected(ENDPOINT, fault.kind()) - injectedBefore)
        .as("requests that met the fault")
        .isEqualTo(expectedRequests);
    if (fault.kind() != FaultKind.STALL) {
      assertThat(pokeApi.metrics().requests(ENDPOINT) - before).isEqualTo(expectedRequests);
    }
  }

  @Test
  void http503IsRetriedThreeTimesThenHttp5xx() {
    assertFailure(FaultRule.on(ENDPOINT, FaultKind.HTTP_503), FailureType.HTTP_5XX, 4);
  }

  @Test
  void http500IsRetriedThreeTimesThenHttp5xx() {
    assertFailure(FaultRule.on(ENDPOINT, FaultKind.HTTP_500), FailureType.HTTP_5XX, 4);
  }

  @Test
  void aStalledAnswerTimesOutAndIsRetriedThreeTimes() {
    assertFailure(FaultRule.on(ENDPOINT, FaultKind.STALL), FailureType.TIMEOUT, 4);
  }

  @Test
  void aResetConnectionIsAConnectionFailureRetriedThreeTimes() {
    assertFailure(FaultRule.on(ENDPOINT, FaultKind.CONNECTION_RESET), FailureType.CONNECTION, 4);
  }

  @Test
  void aTransferCutShortIsAConnectionFailureRetriedThreeTimes() {
    assertFailure(FaultRule.on(ENDPOINT, FaultKind.TRUNCATED_TRANSFER), FailureType.CONNECTION, 4);
  }

  @Test
  void http429IsRetriedFiveTimesThenRateLimited() {
    assertFailure(
        FaultRule.on(ENDPOINT, FaultKind.HTTP_429).withRetryAfterSeconds(0),
        FailureType.RATE_LIMITED,
        6);
  }

  @Test
  void a403ChallengeIsBlockedAndNotRetried() {
    assertFailure(FaultRule.on(ENDPOINT, FaultKind.HTTP_403_CHALLENGE), FailureType.BLOCKED, 1);
  }

  @Test
  void malformedJsonIsInvalidJsonAndNotRetried() {
    assertFailure(FaultRule.on(ENDPOINT, FaultKind.MALFORMED_JSON), FailureType.INVALID_JSON, 1);
  }

  @Test
  void truncatedJsonIsInvalidJsonAndNotRetried() {
    assertFailure(FaultRule.on(ENDPOINT, FaultKind.TRUNCATED_JSON), FailureType.INVALID_JSON, 1);
  }

  @Test
  void aWrongContentTypeIsAnAssertionFailure() {
    assertFailure(FaultRule.on(ENDPOINT, FaultKind.WRONG_CONTENT_TYPE), FailureType.ASSERTION, 1);
  }

  @Test
  void aBodyOverTheLimitIsResponseTooLarge() {
    assertFailure(
        FaultRule.on(ENDPOINT, FaultKind.OVERSIZED_BODY).withSizeBytes(9 << 20),
        FailureType.RESPONSE_TOO_LARGE,
        1);
  }

  @Test
  void a429WaitsAtLeastWhatRetryAfterAsksThenSucceeds() {
    long injectedBefore = pokeApi.metrics().faultsInjected(ENDPOINT, FaultKind.HTTP_429);
    FaultRule limited =
        pokeApi.faults().add(FaultRule.on(ENDPOINT, FaultKind.HTTP_429).withRetryAfterSeconds(2));
    UUID[] run = new UUID[1];
    Thread lift =
        Thread.ofVirtual()
            .start(
                () -> {
                  await()
                      .atMost(Duration.ofSeconds(30))
                      .pollInterval(Duration.ofMillis(10))
                      .until(
                          () ->
                              pokeApi.metrics().faultsInjected(ENDPOINT, FaultKind.HTTP_429)
                                  >= injectedBefore + 2);
                  pokeApi.faults().remove(limited.id());
                });

    CheckResult check = lookupBerry(run);

    assertThat(lift.isAlive()).isFalse();
    assertThat(check.status()).isEqualTo(CheckStatus.PASSED);
    // the rule is lifted after the second 429; a very slow machine may let one more through
    List<ApiResponseCaptured> responses = events.responses(run[0]);
    assertThat(responses.size()).isBetween(3, 4);
    assertThat(responses.get(responses.size() - 1).status()).isEqualTo(200);
    assertThat(responses.subList(0, responses.size() - 1))
        .extracting(ApiResponseCaptured::status)
        .containsOnly(429);
    for (int i = 1; i < responses.size(); i++) {
      ApiResponseCaptured previous = responses.get(i - 1);
      ApiResponseCaptured next = responses.get(i);
      Duration gap =
          Duration.between(previous.capturedAt(), next.capturedAt().minus(next.latency()));
      assertThat(gap)
          .as("wait before attempt %d, after Retry-After: 2", i + 1)
          .isGreaterThanOrEqualTo(Duration.ofMillis(1990));
    }
  }
}
