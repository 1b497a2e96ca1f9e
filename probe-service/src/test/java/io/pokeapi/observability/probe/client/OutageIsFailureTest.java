package io.pokeapi.observability.probe.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.CheckStatus;
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStatus;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import io.pokeapi.observability.pokeapidouble.fault.FaultKind;
import io.pokeapi.observability.pokeapidouble.fault.FaultRule;
import io.pokeapi.observability.probe.support.InjectPokeApiDouble;
import io.pokeapi.observability.probe.support.KafkaEvents;
import io.pokeapi.observability.probe.support.PokeApiDoubleResource;
import io.pokeapi.observability.probe.support.ProbeTestSupport;
import io.pokeapi.observability.probe.support.PrometheusScrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An outage is never reported as success (issue 9, item 2). When an endpoint's circuit breaker
 * opens while the retries of a request run (500, 503, connection reset, stall, transfer cut short,
 * each at rate 1), every check of that endpoint fails: with the failure the request actually saw
 * ({@code http_5xx}, {@code connection}, {@code timeout}), also for the lookup during which the
 * breaker opened, and as {@code circuit_open} for the lookup the open breaker refused. None is
 * skipped; the run reads as failed in the REST view, in {@code RunFinished}, in the metrics.
 *
 * <p>Before the fix the lookup during which the breaker opened and every later one were recorded
 * {@code skipped} without a failure type, and the run read {@code completed} with 0 failed.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PokeApiDoubleResource.class)
class OutageIsFailureTest {

  private static final String ENDPOINT = "pokemon-form";
  private static final List<String> FOUR_LOOKUPS =
      List.of("pokemon-form/1", "pokemon-form/4", "pokemon-form/6", "pokemon-form/25");
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
  void healthy() {
    pokeApi.faults().clear();
    guards.reset(ENDPOINT);
    etags.clear();
  }

  private record Outcome(UUID run, List<CheckResult> checks, Response view, RunFinished finished) {}

  private Outcome smoke(List<String> resources) {
    UUID run = ProbeTestSupport.startRun("smoke", null, resources);
    Response view = ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(90));
    RunFinished finished = events.awaitFinished(run, Duration.ofSeconds(30));
    return new Outcome(run, events.checks(run), view, finished);
  }

  private static double metric(String name, Map<String, String> labels) {
    return PrometheusScrape.now().value(name, labels);
  }

  /**
   * Four lookups under {@code fault}: 4 + 4 failed attempts, then attempts 9 and 10 of the third
   * lookup open the breaker (which refuses its last retries), and the fourth is refused outright.
   */
  private void assertOutageFails(FaultKind fault, FailureType seen) {
    double refusedBefore =
        metric(
            "pokeapi_failures_total", Map.of("endpoint", ENDPOINT, "failure_type", "circuit_open"));
    double failedRunsBefore =
        metric("pokeapi_runs_finished_total", Map.of("suite", "smoke", "verdict", "failed"));
    pokeApi.faults().add(FaultRule.on(ENDPOINT, fault));

    Outcome outcome = smoke(FOUR_LOOKUPS);

    assertThat(outcome.checks())
        .as("no check of an outage is skipped")
        .extracting(CheckResult::checkName, CheckResult::status, CheckResult::failureType)
        .containsExactly(
            tuple(ENDPOINT + ".by-id", CheckStatus.FAILED, seen),
            tuple(ENDPOINT + ".by-id", CheckStatus.FAILED, seen),
            tuple(ENDPOINT + ".by-id", CheckStatus.FAILED, seen),
            tuple(ENDPOINT + ".by-id", CheckStatus.FAILED, FailureType.CIRCUIT_OPEN));
    assertThat(outcome.checks().get(2).message()).contains("circuit breaker").contains("opened");
    assertThat(outcome.checks().get(3).message()).contains("circuit_open");
    assertRunReadsFailed(outcome, 4);
    assertThat(
            metric(
                    "pokeapi_failures_total",
                    Map.of("endpoint", ENDPOINT, "failure_type", "circuit_open"))
                - refusedBefore)
        .as("refused calls counted as circuit_open (the third lookup's retries, the fourth)")
        .isEqualTo(2);
    assertThat(
            metric("pokeapi_runs_finished_total", Map.of("suite", "smoke", "verdict", "failed"))
                - failedRunsBefore)
        .isEqualTo(1);
    assertThat(metric("pokeapi_run_failed_checks", Map.of("suite", "smoke"))).isEqualTo(4);
  }

  private static void assertRunReadsFailed(Outcome outcome, int failed) {
    assertThat(outcome.view().jsonPath().getString("status")).isEqualTo("completed");
    assertThat(outcome.view().jsonPath().getString("verdict")).isEqualTo("failed");
    assertThat(outcome.view().jsonPath().getLong("progress.failed")).isEqualTo(failed);
    assertThat(outcome.view().jsonPath().getLong("progress.skipped")).isZero();
    assertThat(outcome.finished().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(outcome.finished().totals().failed()).isEqualTo(failed);
    assertThat(outcome.finished().totals().skipped()).isZero();
    assertThat(outcome.finished().capturesPublished())
        .as("every capture of the run was acknowledged before RunFinished")
        .isEqualTo(events.responses(outcome.run()).size());
  }

  @Test
  void http500WhileTheBreakerOpensFailsEveryCheck() {
    assertOutageFails(FaultKind.HTTP_500, FailureType.HTTP_5XX);
  }

  @Test
  void http503WhileTheBreakerOpensFailsEveryCheck() {
    assertOutageFails(FaultKind.HTTP_503, FailureType.HTTP_5XX);
  }

  @Test
  void connectionResetWhileTheBreakerOpensFailsEveryCheck() {
    assertOutageFails(FaultKind.CONNECTION_RESET, FailureType.CONNECTION);
  }

  @Test
  void truncatedTransferWhileTheBreakerOpensFailsEveryCheck() {
    assertOutageFails(FaultKind.TRUNCATED_TRANSFER, FailureType.CONNECTION);
  }

  /**
   * A stall (each attempt times out after 3 s in the tests): two lookups of connection resets fill
   * 8 of the breaker's 10-request window quickly, then the stalled third lookup times out twice,
   * the breaker opens during its retries, and the fourth lookup is refused.
   */
  @Test
  void aStallWhileTheBreakerOpensFailsEveryCheckAsTimeoutThenCircuitOpen() {
    FaultRule reset = pokeApi.faults().add(FaultRule.on(ENDPOINT, FaultKind.CONNECTION_RESET));
    Outcome first = smoke(FOUR_LOOKUPS.subList(0, 2));
    assertThat(first.checks())
        .extracting(CheckResult::failureType)
        .containsExactly(FailureType.CONNECTION, FailureType.CONNECTION);
    pokeApi.faults().remove(reset.id());
    pokeApi.faults().add(FaultRule.on(ENDPOINT, FaultKind.STALL));

    Outcome outcome = smoke(FOUR_LOOKUPS.subList(2, 4));

    assertThat(outcome.checks())
        .extracting(CheckResult::status, CheckResult::failureType)
        .containsExactly(
            tuple(CheckStatus.FAILED, FailureType.TIMEOUT),
            tuple(CheckStatus.FAILED, FailureType.CIRCUIT_OPEN));
    assertRunReadsFailed(outcome, 2);
  }
}
