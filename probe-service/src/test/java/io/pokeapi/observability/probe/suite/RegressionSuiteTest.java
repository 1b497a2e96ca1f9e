package io.pokeapi.observability.probe.suite;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The regression suite against the double, which answers as the live API does: pagination, error
 * handling, lookups and cross-references all hold on the fixture.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PokeApiDoubleResource.class)
class RegressionSuiteTest {

  private static KafkaEvents events;
  private static UUID run;
  private static List<CheckResult> checks;

  @BeforeAll
  static void runRegression() {
    events = KafkaEvents.fromNow(KafkaBroker.shared().bootstrapServers());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    events.close();
  }

  private static synchronized List<CheckResult> checks() {
    if (checks == null) {
      run = ProbeTestSupport.startRun("regression", null, null);
      ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(120));
      RunFinished finished = events.awaitFinished(run, Duration.ofSeconds(30));
      checks = events.checks(run);
      assertThat(finished.totals().checks()).isEqualTo(checks.size());
    }
    return checks;
  }

  private static Map<String, List<CheckStatus>> byName(String prefix) {
    return checks().stream()
        .filter(c -> c.checkName().startsWith(prefix))
        .collect(
            Collectors.groupingBy(
                CheckResult::checkName,
                Collectors.mapping(CheckResult::status, Collectors.toList())));
  }

  @Test
  void everyCheckOfTheSuitePassesOnAnApiThatBehavesLikeTheLiveOne() {
    assertThat(checks())
        .filteredOn(c -> c.status() != CheckStatus.PASSED)
        .as("checks that did not pass")
        .isEmpty();
  }

  @Test
  void paginationWalksEveryPageAndTheEdgeValues() {
    Map<String, List<CheckStatus>> type = byName("type.pagination");
    // 6 types in pages of 2: three pages, the walk, and eight edge values
    assertThat(type.get("type.pagination.page")).hasSize(3);
    assertThat(type.get("type.pagination.walk")).containsExactly(CheckStatus.PASSED);
    assertThat(type.keySet())
        .contains(
            "type.pagination.edge.limit-1",
            "type.pagination.edge.limit-0",
            "type.pagination.edge.limit-not-a-number",
            "type.pagination.edge.limit-count",
            "type.pagination.edge.limit-past-count",
            "type.pagination.edge.offset-last",
            "type.pagination.edge.offset-count",
            "type.pagination.edge.offset-past-count");
    assertThat(byName("ability.pagination.page").get("ability.pagination.page")).hasSize(2);
  }

  @Test
  void invalidIdsAndGarbageNamesAre404MalformedNamesAndAnUnknownEndpoint400() {
    assertThat(byName("pokemon.not-found").keySet())
        .containsExactlyInAnyOrder(
            "pokemon.not-found.id=0",
            "pokemon.not-found.id=-1",
            "pokemon.not-found.id=2147483648",
            "pokemon.not-found.id=99999999999999999999",
            "pokemon.not-found.name=missingno-0000",
            "pokemon.not-found.name=not_a_pokemon",
            "pokemon.not-found.name=zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz");
    assertThat(byName("pokemon.bad-request").keySet())
        .containsExactlyInAnyOrder(
            "pokemon.bad-request.name=not a pokemon",
            "pokemon.bad-request.name=pikachu'--",
            "pokemon.bad-request.name=%%%");
    assertThat(byName("unknown-endpoint"))
        .containsEntry("unknown-endpoint.bad-request", List.of(CheckStatus.PASSED));
  }

  @Test
  void lookupsByIdNameSlashAndCaseAgree() {
    for (String endpoint : List.of("pokemon", "pokemon-species", "type", "ability")) {
      assertThat(byName(endpoint + ".lookup").keySet())
          .containsExactlyInAnyOrder(
              endpoint + ".lookup.id-vs-name",
              endpoint + ".lookup.trailing-slash",
              endpoint + ".lookup.mixed-case");
    }
  }

  @Test
  void crossReferencesAndUrlsHold() {
    // fire lists charmander and charizard; each lists fire, and every type they list lists them
    assertThat(byName("type.cross-reference.listed-pokemon-have-type").values().iterator().next())
        .hasSize(3); // the type itself, then one per sampled pokemon
    assertThat(byName("pokemon.cross-reference.types-list-pokemon").values().iterator().next())
        .hasSize(2);
    // pikachu's body holds 10 distinct urls, each resolved once, plus the body itself
    assertThat(byName("pokemon.urls-resolve").get("pokemon.urls-resolve")).hasSize(11);
  }
}
