package io.pokeapi.observability.pokeapidouble.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fault rules as JSON and their validation; seeded dice. */
class FaultRuleTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void onlyTheKindIsRequiredInJson() throws Exception {
    FaultRule rule = mapper.readValue("{\"kind\": \"http-503\"}", FaultRule.class);

    assertThat(rule.kind()).isEqualTo(FaultKind.HTTP_503);
    assertThat(rule.endpoint()).isEqualTo(FaultRule.ALL_ENDPOINTS);
    assertThat(rule.global()).isTrue();
    assertThat(rule.rate()).isEqualTo(1.0);
    assertThat(rule.retryAfterSeconds()).isEqualTo(60);
  }

  @Test
  void rulesSurviveAJsonRoundTrip() throws Exception {
    FaultRule rule =
        FaultRule.on("pokemon", FaultKind.OVERSIZED_BODY)
            .withRate(0.25)
            .withSizeBytes(1234)
            .withId("big");

    FaultRule back = mapper.readValue(mapper.writeValueAsString(rule), FaultRule.class);

    assertThat(back).isEqualTo(rule);
    assertThat(mapper.writeValueAsString(rule)).contains("\"kind\":\"oversized_body\"");
  }

  @Test
  void invalidValuesAreRejected() {
    assertThatThrownBy(() -> FaultRule.on("pokemon", FaultKind.HTTP_500).withRate(1.5))
        .hasMessageContaining("rate");
    assertThatThrownBy(() -> FaultRule.on("Poke mon", FaultKind.HTTP_500))
        .hasMessageContaining("endpoint");
    assertThatThrownBy(() -> FaultRule.on("pokemon", FaultKind.LATENCY).withLatencyMs(0))
        .hasMessageContaining("latencyMs");
    assertThatThrownBy(
            () -> FaultRule.on("pokemon", FaultKind.WRONG_CONTENT_TYPE).withContentType("a\r\nb"))
        .hasMessageContaining("contentType");
    assertThatThrownBy(() -> FaultKind.fromLabel("meteor")).hasMessageContaining("meteor");
  }

  @Test
  void seededDiceRepeatAndFireAtAboutTheRate() {
    FaultRules rules = new FaultRules(123L);
    rules.add(FaultRule.on("pokemon", FaultKind.HTTP_500).withRate(0.2));

    List<Boolean> first = roll(rules, 5000);
    rules.reseed(123L);
    List<Boolean> second = roll(rules, 5000);

    assertThat(second).isEqualTo(first);
    long fired = first.stream().filter(b -> b).count();
    assertThat(fired).isBetween(850L, 1150L);
    assertThat(rules.firedCounts().values()).containsExactly(fired);
  }

  @Test
  void rulesOfOtherEndpointsAreNotRolled() {
    FaultRules rules = new FaultRules(1L);
    rules.add(FaultRule.on("type", FaultKind.HTTP_500));

    FaultDecision decision = rules.table().decide("pokemon", true, kind -> {});

    assertThat(decision.none()).isTrue();
  }

  private static List<Boolean> roll(FaultRules rules, int times) {
    List<Boolean> results = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      results.add(rules.table().decide("pokemon", true, kind -> {}).terminal() != null);
    }
    return results;
  }
}
