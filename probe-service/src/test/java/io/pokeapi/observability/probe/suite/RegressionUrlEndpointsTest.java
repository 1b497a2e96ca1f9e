package io.pokeapi.observability.probe.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.CheckStatus;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.probe.support.KafkaEvents;
import io.pokeapi.observability.probe.support.PokeApiDoubleResource;
import io.pokeapi.observability.probe.support.ProbeTestSupport;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With {@code probe.regression.url-endpoints} set (an offline data set that holds some endpoints
 * only), the urls-resolve check follows only the links into those endpoints.
 */
@QuarkusTest
@TestProfile(RegressionUrlEndpointsTest.OnlyTypeAndAbilityLinks.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PokeApiDoubleResource.class)
class RegressionUrlEndpointsTest {

  /** Resolves only the links into type and ability. */
  public static class OnlyTypeAndAbilityLinks implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("probe.regression.url-endpoints", "type,ability");
    }
  }

  @Test
  void onlyLinksIntoTheConfiguredEndpointsAreFollowed() throws InterruptedException {
    try (KafkaEvents events = KafkaEvents.fromNow(KafkaBroker.shared().bootstrapServers())) {
      UUID run = ProbeTestSupport.startRun("regression", null, null);
      ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(120));
      events.awaitFinished(run, Duration.ofSeconds(30));
      List<CheckResult> urlChecks =
          events.checks(run).stream()
              .filter(c -> c.checkName().equals("pokemon.urls-resolve"))
              .toList();

      // pikachu's body holds 10 distinct urls; followed: its one type and its one ability url,
      // not its six stats, its species or its form
      assertThat(urlChecks).hasSize(3);
      assertThat(urlChecks).extracting(CheckResult::status).containsOnly(CheckStatus.PASSED);
    }
  }
}
