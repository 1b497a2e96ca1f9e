package io.pokeapi.observability.probe.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.CheckStatus;
import io.pokeapi.observability.common.contract.RunFinished;
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
class SweepSuiteTest {

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
  void everyResourceIsProbedWithItsIdDiscoveredFromTheListNotAssumed() {
    UUID run = ProbeTestSupport.startRun("sweep", List.of("pokemon", "type"), null);
    Response end = ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(60));
    RunFinished finished = events.awaitFinished(run, Duration.ofSeconds(30));

    List<CheckResult> checks = events.checks(run);
    assertThat(checks).allMatch(c -> c.status() == CheckStatus.PASSED, "all checks passed");
    assertThat(events.responses(run))
        .filteredOn(r -> r.status() != 0 && !r.resourceKey().startsWith("list"))
        .extracting(r -> r.endpoint() + "/" + r.resourceKey())
        .containsExactlyInAnyOrder(
            "pokemon/1",
            "pokemon/4",
            "pokemon/6",
            "pokemon/25",
            "pokemon/133",
            "pokemon/10033",
            "type/1",
            "type/3",
            "type/4",
            "type/10",
            "type/12",
            "type/13");
    // pages of 2 over 6 pokemon and 6 types: three discovery pages each
    assertThat(events.responses(run))
        .filteredOn(r -> r.status() != 0 && r.resourceKey().startsWith("list"))
        .extracting(ApiResponseCaptured::resourceKey)
        .hasSize(6)
        .contains("list?offset=0&limit=2", "list?offset=2&limit=2", "list?offset=4&limit=2");
    assertThat(checks).filteredOn(c -> c.checkName().endsWith(".sweep.resource")).hasSize(12);
    assertThat(checks).filteredOn(c -> c.checkName().endsWith(".contract")).hasSize(18);
    assertThat(finished.endpoints()).containsExactly("pokemon", "type");
    assertThat(finished.totals().requests()).isEqualTo(events.responses(run).size());
    assertThat(end.jsonPath().getLong("progress.planned")).isEqualTo(14);
    assertThat(end.jsonPath().getLong("progress.remaining")).isZero();
  }

  @Test
  void namedResourcesAreSweptWithoutDiscovery() {
    UUID run = ProbeTestSupport.startRun("sweep", null, List.of("berry/2", "stat/5"));
    ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(30));
    events.awaitFinished(run, Duration.ofSeconds(30));

    assertThat(events.responses(run))
        .filteredOn(r -> r.status() != 0)
        .extracting(r -> r.endpoint() + "/" + r.resourceKey())
        .containsExactlyInAnyOrder("berry/2", "stat/5");
  }
}
