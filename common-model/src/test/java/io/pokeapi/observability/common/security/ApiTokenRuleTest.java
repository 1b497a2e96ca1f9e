package io.pokeapi.observability.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Who may start and stop runs when an API token is configured. */
class ApiTokenRuleTest {

  private static final String TOKEN = "s3cret-token";
  private static final ApiTokenRule RULE = ApiTokenRule.of(Optional.of(TOKEN));

  @Test
  void withoutATokenEveryCallGoesThrough() {
    for (Optional<String> none : java.util.List.of(Optional.<String>empty(), Optional.of("  "))) {
      assertThat(ApiTokenRule.of(none).refusal("POST", null, null)).isEmpty();
      assertThat(ApiTokenRule.of(none).refusal("DELETE", "wrong", null)).isEmpty();
    }
  }

  @Test
  void mutatingCallsNeedTheTokenInEitherHeader() {
    for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
      assertThat(RULE.refusal(method, null, null)).get().asString().contains("needs the API token");
      assertThat(RULE.refusal(method, "nope", null)).contains("the API token is wrong");
      assertThat(RULE.refusal(method, null, "Bearer nope")).contains("the API token is wrong");
      assertThat(RULE.refusal(method, TOKEN, null)).isEmpty();
      assertThat(RULE.refusal(method, " " + TOKEN + " ", null)).isEmpty();
      assertThat(RULE.refusal(method, null, "Bearer " + TOKEN)).isEmpty();
      assertThat(RULE.refusal(method, null, "bearer " + TOKEN)).isEmpty();
      assertThat(RULE.refusal(method, null, "Basic " + TOKEN)).isPresent();
    }
  }

  @Test
  void readsStayOpen() {
    for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
      assertThat(RULE.refusal(method, null, null)).isEmpty();
      assertThat(RULE.refusal(method, "wrong", "Bearer wrong")).isEmpty();
    }
  }

  @Property(tries = 500)
  void onlyTheExactTokenOpensAMutatingCall(
      @ForAll("presented") String presented, @ForAll boolean asBearer) {
    Optional<String> refusal =
        asBearer
            ? RULE.refusal("POST", null, "Bearer " + presented)
            : RULE.refusal("POST", presented, null);
    assertThat(refusal.isEmpty()).isEqualTo(presented.trim().equals(TOKEN));
  }

  @Provide
  Arbitrary<String> presented() {
    return Arbitraries.oneOf(
        Arbitraries.just(TOKEN),
        Arbitraries.strings().withChars("s3cret-tokn ").ofMinLength(1).ofMaxLength(14),
        Arbitraries.just(TOKEN + "x"),
        Arbitraries.just(TOKEN.substring(1)));
  }
}
