package io.pokeapi.observability.common.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A pattern's memo of verdicts answers what the regular expression answers, full or not. */
class MatchMemoPropertiesTest {

  private static final List<String> PATTERNS =
      List.of(
          ModelPatterns.RESOURCE_NAME,
          ModelPatterns.REFERENCE_NAME,
          ModelPatterns.RESOURCE_URL,
          ModelPatterns.ENCOUNTERS_URL);

  @Property(tries = 300)
  void theMemoAgreesWithTheRegexOnEveryString(
      @ForAll("patterns") String pattern, @ForAll("values") List<String> values) {
    Pattern regex = Pattern.compile(pattern);
    ModelConstraints.MatchMemo memo = new ModelConstraints.MatchMemo(regex);
    for (int round = 0; round < 2; round++) {
      for (String value : values) {
        assertThat(memo.matches(value))
            .as("%s on %s", pattern, value)
            .isEqualTo(regex.matcher(value).matches());
      }
    }
  }

  @Property(tries = 5)
  void aFullMemoStartsOverAndStillAgrees(@ForAll("patterns") String pattern) {
    Pattern regex = Pattern.compile(pattern);
    ModelConstraints.MatchMemo memo = new ModelConstraints.MatchMemo(regex);
    for (int i = 0; i < ModelConstraints.MatchMemo.MAX_ENTRIES * 2 + 10; i++) {
      String value = i % 3 == 0 ? "name-" + i : "/api/v2/move/" + i + "/";
      assertThat(memo.matches(value)).isEqualTo(regex.matcher(value).matches());
    }
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.of(PATTERNS);
  }

  @Provide
  Arbitrary<List<String>> values() {
    Arbitrary<String> plausible =
        Arbitraries.of(
            "pikachu",
            "mr-mime",
            "breakneck-blitz--physical",
            "Pikachu",
            "-a",
            "a-",
            "https://pokeapi.co/api/v2/type/13/",
            "/api/v2/type/13/",
            "/api/v2/type/13",
            "/api/v2/pokemon/25/encounters",
            "https://pokeapi.co/api/v2/pokemon/25/encounters/",
            "x".repeat(300),
            "/api/v2/" + "a".repeat(300) + "/1/");
    Arbitrary<String> random = Arbitraries.strings().withChars("abz09-/:.hts ").ofMaxLength(40);
    return Arbitraries.oneOf(plausible, random).list().ofMaxSize(30);
  }
}
