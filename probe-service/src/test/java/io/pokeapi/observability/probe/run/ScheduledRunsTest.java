package io.pokeapi.observability.probe.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import io.pokeapi.observability.pokeapidouble.fault.FaultKind;
import io.pokeapi.observability.pokeapidouble.fault.FaultRule;
import io.pokeapi.observability.probe.client.EtagCache;
import io.pokeapi.observability.probe.support.InjectPokeApiDouble;
import io.pokeapi.observability.probe.support.PokeApiDoubleResource;
import io.pokeapi.observability.probe.support.PrometheusScrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cron triggers: a configured cron starts runs of its suite (trigger "schedule"), a cron set to
 * {@code off} starts none, and a trigger that fires while its suite still runs is skipped and
 * counted.
 */
@QuarkusTest
@TestProfile(ScheduledRunsTest.SmokeEverySecond.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PokeApiDoubleResource.class)
class ScheduledRunsTest {

  /** Smoke every second; regression and sweep stay off (as in every test profile). */
  public static class SmokeEverySecond implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("probe.schedule.smoke", "* * * * * ?");
    }
  }

  @InjectPokeApiDouble PokeApiDouble pokeApi;
  @Inject EtagCache etags;

  private static List<Map<String, Object>> runs() {
    return given()
        .queryParam("limit", 500)
        .when()
        .get("/api/runs")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  @Test
  void theCronStartsRunsOfItsSuiteSkipsOverlapsAndOffCronsStartNothing() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> runs().stream().anyMatch(r -> "schedule".equals(r.get("trigger"))));

    etags.clear();
    FaultRule slow =
        pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.LATENCY).withLatencyMs(1500));
    try {
      double before =
          PrometheusScrape.now().value("pokeapi_runs_skipped_total", Map.of("suite", "smoke"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  PrometheusScrape.now()
                          .value("pokeapi_runs_skipped_total", Map.of("suite", "smoke"))
                      > before);
    } finally {
      pokeApi.faults().remove(slow.id());
    }

    assertThat(runs()).extracting(r -> r.get("suite")).containsOnly("smoke");
    assertThat(runs())
        .filteredOn(r -> "schedule".equals(r.get("trigger")))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.get("status")).isIn("running", "completed"));
  }
}
