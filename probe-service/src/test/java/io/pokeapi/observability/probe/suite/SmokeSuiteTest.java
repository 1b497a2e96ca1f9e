package io.pokeapi.observability.probe.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.CheckStatus;
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStarted;
import io.pokeapi.observability.common.contract.RunStatus;
import io.pokeapi.observability.common.contract.RunTrigger;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.probe.support.KafkaEvents;
import io.pokeapi.observability.probe.support.PokeApiDoubleResource;
import io.pokeapi.observability.probe.support.ProbeTestSupport;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PokeApiDoubleResource.class)
class SmokeSuiteTest {

  private static KafkaEvents events;

  @BeforeAll
  static void consume() {
    events = KafkaEvents.fromNow(KafkaBroker.shared().bootstrapServers());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    events.close();
  }

  @Test
  void theDefaultTargetsPassByIdAndByNameAndTheRunIsFramedOnKafka() {
    UUID run = ProbeTestSupport.startRun("smoke", null, null);
    Response end = ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(60));
    RunFinished finished = events.awaitFinished(run, Duration.ofSeconds(30));

    assertThat(end.jsonPath().getString("status")).isEqualTo("completed");
    List<CheckResult> checks = events.checks(run);
    assertThat(checks)
        .filteredOn(c -> !c.checkName().endsWith(".contract"))
        .extracting(CheckResult::checkName, CheckResult::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("pokemon.by-id", CheckStatus.PASSED),
            org.assertj.core.groups.Tuple.tuple("pokemon.by-name", CheckStatus.PASSED),
            org.assertj.core.groups.Tuple.tuple("type.by-id", CheckStatus.PASSED),
            org.assertj.core.groups.Tuple.tuple("type.by-name", CheckStatus.PASSED),
            org.assertj.core.groups.Tuple.tuple("ability.by-id", CheckStatus.PASSED),
            org.assertj.core.groups.Tuple.tuple("ability.by-name", CheckStatus.PASSED));
    assertThat(checks)
        .filteredOn(c -> c.checkName().endsWith(".contract"))
        .hasSize(6)
        .allMatch(c -> c.status() == CheckStatus.PASSED);

    // a retry (the machine may be slow enough for a timeout) adds an answer-less capture
    List<ApiResponseCaptured> responses =
        events.responses(run).stream().filter(r -> r.status() != 0).toList();
    assertThat(responses)
        .extracting(ApiResponseCaptured::endpoint, ApiResponseCaptured::resourceKey)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("pokemon", "25"),
            org.assertj.core.groups.Tuple.tuple("pokemon", "pikachu"),
            org.assertj.core.groups.Tuple.tuple("type", "10"),
            org.assertj.core.groups.Tuple.tuple("type", "fire"),
            org.assertj.core.groups.Tuple.tuple("ability", "65"),
            org.assertj.core.groups.Tuple.tuple("ability", "overgrow"));
    assertThat(responses)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isIn(200, 304);
              assertThat(r.suite()).isEqualTo("smoke");
            });
    assertThat(responses)
        .filteredOn(r -> r.status() == 200)
        .allSatisfy(
            r -> {
              assertThat(r.body()).contains("\"id\"");
              assertThat(r.bodySha256()).isEqualTo(ApiResponseCaptured.sha256Hex(r.body()));
            });

    RunStarted started = events.started(run);
    assertThat(started.suite()).isEqualTo("smoke");
    assertThat(started.trigger()).isEqualTo(RunTrigger.API);
    assertThat(started.endpoints()).containsExactly("pokemon", "type", "ability");
    assertThat(finished.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(finished.totals().passed()).isEqualTo(12);
    assertThat(finished.totals().failed()).isZero();
    assertThat(finished.totals().requests()).isEqualTo(events.responses(run).size());
    assertThat(end.jsonPath().getLong("progress.requests")).isEqualTo(finished.totals().requests());
    assertThat(end.jsonPath().getLong("progress.remaining")).isZero();
  }

  @Test
  void aResourceThatDoesNotExistFailsAsHttp4xxWithoutRetrying() {
    UUID run = ProbeTestSupport.startRun("smoke", null, List.of("pokemon/424242"));
    ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(30));
    events.awaitFinished(run, Duration.ofSeconds(30));

    CheckResult check = events.checks(run).get(0);
    assertThat(check.checkName()).isEqualTo("pokemon.by-id");
    assertThat(check.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(check.failureType()).isEqualTo(FailureType.HTTP_4XX);
    assertThat(check.attempt()).isEqualTo(1);
    assertThat(check.assertions()).anySatisfy(a -> assertThat(a.actual()).isEqualTo("404"));
    assertThat(events.responses(run))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(404);
              assertThat(r.body()).isNull();
            });
  }

  @Test
  void aBodyThatBreaksTheModelFailsItsCheckWithEveryFieldNamed() {
    UUID run = ProbeTestSupport.startRun("smoke", null, List.of("ability/999"));
    ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(30));
    events.awaitFinished(run, Duration.ofSeconds(30));

    CheckResult check =
        events.checks(run).stream()
            .filter(c -> c.checkName().equals("ability.by-id"))
            .findFirst()
            .orElseThrow();
    assertThat(check.failureType()).isEqualTo(FailureType.SCHEMA_VALIDATION);
    assertThat(check.assertions())
        .extracting(a -> a.path())
        .contains("/name", "/is_main_series", "/generation");
  }

  @Test
  void whereTheApiBreaksItsOwnPublishedContractTheCheckNamesTheExactPath() {
    UUID run = ProbeTestSupport.startRun("smoke", null, List.of("item/1"));
    ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(30));
    events.awaitFinished(run, Duration.ofSeconds(30));

    CheckResult contract =
        events.checks(run).stream()
            .filter(c -> c.checkName().equals("item.contract"))
            .findFirst()
            .orElseThrow();
    assertThat(contract.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(contract.failureType()).isEqualTo(FailureType.SCHEMA_VALIDATION);
    assertThat(contract.assertions())
        .extracting(a -> a.path())
        .containsExactly("/attributes/1", "/fling_power");
  }
}
