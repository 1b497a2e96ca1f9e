package io.pokeapi.observability.probe.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.CheckStatus;
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import io.pokeapi.observability.pokeapidouble.fault.FaultKind;
import io.pokeapi.observability.pokeapidouble.fault.FaultRule;
import io.pokeapi.observability.probe.client.EtagCache;
import io.pokeapi.observability.probe.support.InjectPokeApiDouble;
import io.pokeapi.observability.probe.support.KafkaEvents;
import io.pokeapi.observability.probe.support.PokeApiDoubleResource;
import io.pokeapi.observability.probe.support.ProbeTestSupport;
import io.pokeapi.observability.probe.support.PrometheusScrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A failed check is re-run (issue 11): its request is made again and its assertions evaluated on
 * the new answer, up to the run's {@code reruns} (default {@code probe.checks.reruns}); every
 * attempt is published with its attempt number; the last attempt decides the check in the totals; a
 * check that failed, then passed is flaky ({@code pokeapi_check_flaky_total}, the log line, the
 * run's {@code progress.flaky}).
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PokeApiDoubleResource.class)
class CheckRerunsTest {

  private static final String ENDPOINT = "berry";
  private static KafkaEvents events;

  @InjectPokeApiDouble PokeApiDouble pokeApi;
  @Inject EtagCache etags;

  @BeforeAll
  static void consume() {
    events = KafkaEvents.fromNow(KafkaBroker.shared().bootstrapServers());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    events.close();
  }

  @AfterEach
  void healthy() {
    pokeApi.faults().clear();
    etags.clear();
  }

  private static UUID start(int reruns) {
    Response response =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("suite", "smoke", "resources", List.of("berry/1"), "reruns", reruns))
            .when()
            .post("/api/runs");
    response.then().statusCode(202);
    return UUID.fromString(response.jsonPath().getString("id"));
  }

  private static List<CheckResult> lookups(UUID run) {
    return events.checks(run).stream().filter(c -> c.checkName().equals("berry.by-id")).toList();
  }

  @Test
  void aCheckThatKeepsFailingIsRunOncePlusItsRerunsAndCountsOnce() {
    pokeApi.faults().add(FaultRule.on(ENDPOINT, FaultKind.MALFORMED_JSON));
    double failedBefore =
        PrometheusScrape.now()
            .value("pokeapi_checks_total", Map.of("suite", "smoke", "status", "failed"));

    UUID run = start(2);
    Response view = ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(60));
    RunFinished finished = events.awaitFinished(run, Duration.ofSeconds(30));

    assertThat(lookups(run))
        .extracting(CheckResult::attempt, CheckResult::status, CheckResult::failureType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, CheckStatus.FAILED, FailureType.INVALID_JSON),
            org.assertj.core.groups.Tuple.tuple(2, CheckStatus.FAILED, FailureType.INVALID_JSON),
            org.assertj.core.groups.Tuple.tuple(3, CheckStatus.FAILED, FailureType.INVALID_JSON));
    assertThat(events.responses(run)).as("each rerun made the request again").hasSize(3);
    assertThat(finished.totals().failed()).as("the check counts once").isEqualTo(1);
    assertThat(finished.totals().passed()).isZero();
    assertThat(view.jsonPath().getLong("progress.flaky")).isZero();
    assertThat(
            PrometheusScrape.now()
                    .value("pokeapi_checks_total", Map.of("suite", "smoke", "status", "failed"))
                - failedBefore)
        .isEqualTo(1);
  }

  @Test
  void aCheckThatFailsThenPassesIsFlakyAndCountsAsPassed() {
    double flakyBefore =
        PrometheusScrape.now().value("pokeapi_check_flaky_total", Map.of("endpoint", ENDPOINT));
    long injectedBefore = pokeApi.metrics().faultsInjected(ENDPOINT, FaultKind.MALFORMED_JSON);
    FaultRule broken = pokeApi.faults().add(FaultRule.on(ENDPOINT, FaultKind.MALFORMED_JSON));
    // the API heals after the first broken answer; a busy machine may let a second one through
    Thread heal =
        Thread.ofVirtual()
            .start(
                () -> {
                  await()
                      .atMost(Duration.ofSeconds(30))
                      .pollInterval(Duration.ofMillis(5))
                      .until(
                          () ->
                              pokeApi.metrics().faultsInjected(ENDPOINT, FaultKind.MALFORMED_JSON)
                                  > injectedBefore);
                  pokeApi.faults().remove(broken.id());
                });

    UUID run = start(5);
    Response view = ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(60));
    RunFinished finished = events.awaitFinished(run, Duration.ofSeconds(30));

    assertThat(heal.isAlive()).isFalse();
    List<CheckResult> attempts = lookups(run);
    assertThat(attempts.size()).isBetween(2, 6);
    CheckResult last = attempts.get(attempts.size() - 1);
    assertThat(last.status()).isEqualTo(CheckStatus.PASSED);
    assertThat(last.attempt()).isEqualTo(attempts.size());
    assertThat(last.message()).startsWith("flaky");
    assertThat(attempts.subList(0, attempts.size() - 1))
        .allMatch(c -> c.status() == CheckStatus.FAILED)
        .allMatch(c -> c.failureType() == FailureType.INVALID_JSON);
    assertThat(finished.totals().passed()).isEqualTo(1);
    assertThat(finished.totals().failed()).as("the final attempt decides").isZero();
    assertThat(view.jsonPath().getString("verdict")).isEqualTo("passed");
    assertThat(view.jsonPath().getLong("progress.flaky")).isEqualTo(1);
    assertThat(
            PrometheusScrape.now().value("pokeapi_check_flaky_total", Map.of("endpoint", ENDPOINT))
                - flakyBefore)
        .isEqualTo(1);
  }

  @Test
  void rerunsOutsideZeroToTenAreRefused() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("suite", "smoke", "reruns", 11))
        .when()
        .post("/api/runs")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", org.hamcrest.Matchers.hasItem("reruns"));
  }
}
