package io.pokeapi.observability.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void topicNamesAreTheAgreedOnes() {
    assertThat(Topics.ALL)
        .containsExactly(
            "pokeapi.api-responses",
            "pokeapi.check-results",
            "pokeapi.run-events",
            "pokeapi.drift-events",
            "pokeapi.load-summaries",
            "pokeapi.latency-regressions");
  }

  @Test
  void resourceKeyJoinsEndpointAndResource() {
    assertThat(Topics.resourceKey("pokemon", "25")).isEqualTo("pokemon/25");
    assertThat(Topics.resourceKey("pokemon-species", "mr-mime"))
        .isEqualTo("pokemon-species/mr-mime");
  }

  @Test
  void resourceKeyIgnoresCaseSlashesAndSpacesLikeTheApiDoes() {
    assertThat(Topics.resourceKey(" /Pokemon/ ", "Pikachu/")).isEqualTo("pokemon/pikachu");
    assertThat(Topics.endpointKey("/type/")).isEqualTo("type");
  }

  @Test
  void blankPartsAreRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> Topics.resourceKey("pokemon", " / "));
    assertThatIllegalArgumentException().isThrownBy(() -> Topics.resourceKey("", "1"));
  }

  @Test
  void eventsAreKeyedForOrdering() {
    assertThat(SampleEvents.apiResponse().messageKey()).isEqualTo("pokemon/25");
    assertThat(SampleEvents.dataDrift().messageKey()).isEqualTo("pokemon/25");
    assertThat(SampleEvents.schemaDrift().messageKey()).isEqualTo("type");
    String run = SampleEvents.RUN_ID.toString();
    assertThat(SampleEvents.runStarted().messageKey()).isEqualTo(run);
    assertThat(SampleEvents.runFinished().messageKey()).isEqualTo(run);
    assertThat(SampleEvents.failedCheck().messageKey()).isEqualTo(run);
    assertThat(SampleEvents.loadSummary().messageKey()).isEqualTo(run);
    assertThat(SampleEvents.latencyRegression().messageKey()).isEqualTo("pokemon");
  }

  @Property(tries = 300)
  void spellingsOfOneResourceShareOneKey(
      @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 20) String name) {
    String key = Topics.resourceKey("pokemon", name);
    assertThat(Topics.resourceKey("POKEMON/", "/" + name.toUpperCase() + "/")).isEqualTo(key);
    assertThat(key).isEqualTo(key.toLowerCase()).startsWith("pokemon/");
  }
}
