package io.pokeapi.observability.load.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Aimed at pokeapi.co, a profile may not exceed a polite rate unless explicitly overridden. */
class PoliteRateCapTest {

  private final PoliteRateCap cap = new PoliteRateCap(List.of("pokeapi.co"), 5);

  private static LoadPlan open(String baseUrl, double rate) {
    return LoadPlan.of(
        LoadProfile.builder(LoadModel.OPEN)
            .baseUrl(baseUrl)
            .requests(RequestSpec.of("/pokemon/1"))
            .rate(rate)
            .duration(Duration.ofSeconds(10))
            .build());
  }

  @Test
  void aPoliteRateAtPokeApiIsAllowed() {
    assertThat(cap.check(open("https://pokeapi.co/api/v2", 5), false)).isEmpty();
  }

  @Test
  void aHigherRateAtPokeApiIsRefusedSayingWhyAndHowToOverride() {
    FieldViolation refused = cap.check(open("https://pokeapi.co/api/v2", 50), false).orElseThrow();

    assertThat(refused.field()).isEqualTo("overridePoliteRate");
    assertThat(refused.message())
        .contains("pokeapi.co")
        .contains("50 requests/s")
        .contains("polite limit of 5 requests/s")
        .contains("load.safety.max-rate")
        .contains("overridePoliteRate");
  }

  @Test
  void subdomainsAndCaseCountAsPokeApi() {
    assertThat(cap.check(open("https://Beta.PokeAPI.co/api/v2", 50), false)).isPresent();
    assertThat(cap.check(open("https://notpokeapi.co/api/v2", 50), false)).isEmpty();
  }

  @Test
  void theExplicitOverrideLetsItRun() {
    assertThat(cap.check(open("https://pokeapi.co/api/v2", 500), true)).isEmpty();
  }

  @Test
  void localTargetsAreNotCapped() {
    assertThat(cap.check(open("http://127.0.0.1:8080/api/v2", 50_000), false)).isEmpty();
  }

  @Test
  void theOriginalPresetAgainstPokeApiIsRefusedForItsUsersAndThinkTime() {
    LoadPlan original =
        LoadPlan.of(Presets.named(Presets.ORIGINAL, "https://pokeapi.co/api/v2").orElseThrow());

    FieldViolation refused = cap.check(original, false).orElseThrow();

    assertThat(refused.message()).contains("50 users").contains("1 s").contains("50 requests/s");
  }

  @Test
  void fixedConnectionsAgainstPokeApiIsAlwaysRefusedWithoutTheOverride() {
    LoadPlan fixed =
        LoadPlan.of(
            LoadProfile.builder(LoadModel.FIXED_CONNECTIONS)
                .baseUrl("https://pokeapi.co/api/v2")
                .requests(RequestSpec.of("/pokemon/1"))
                .connections(1)
                .duration(Duration.ofSeconds(1))
                .build());
    assertThat(cap.check(fixed, false))
        .get()
        .extracting(FieldViolation::message)
        .asString()
        .contains("as fast as the answers");
  }
}
