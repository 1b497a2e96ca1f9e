package io.pokeapi.observability.probe.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pokeapi.observability.common.contract.AssertionDetail;
import io.pokeapi.observability.probe.client.ApiRequest;
import io.pokeapi.observability.probe.contract.ContractSchemas;
import io.pokeapi.observability.probe.support.Fixtures;
import io.pokeapi.observability.probe.verdict.PassedBodies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.Test;

/**
 * Remembering passes must never change a verdict: the model and contract checks with the memo give
 * exactly what they give without it, in any order and with any repetition of bodies, and a failing
 * body is reported in full every time.
 */
class PassedBodiesVerdictsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Bodies of the fixture: valid ones, one broken on purpose, and valid ones with a change. */
  private static final List<Body> BODIES = bodies();

  private static final ModelValidation PLAIN_MODELS = new ModelValidation();

  /** What each body gets without the memo, computed once. */
  private static final Map<Body, List<AssertionDetail>> EXPECTED = new ConcurrentHashMap<>();

  private static List<AssertionDetail> expected(Body body) {
    return EXPECTED.computeIfAbsent(body, b -> PLAIN_MODELS.validate(b.endpoint(), b.text()));
  }

  @AfterContainer
  static void close() {
    PLAIN_MODELS.close();
  }

  record Body(String endpoint, String text) {}

  @Property(tries = 30)
  void theModelCheckGivesTheSameVerdictWithTheMemoAsWithout(
      @ForAll("sequences") List<Body> sequence) {
    PassedBodies passed = new PassedBodies(1_000);
    ModelValidation remembering = new ModelValidation(passed);
    try {
      for (Body body : sequence) {
        assertThat(remembering.validate(body.endpoint(), body.text()))
            .as(body.endpoint() + " " + body.text().length() + " chars")
            .isEqualTo(expected(body));
      }
      long distinctValid = sequence.stream().distinct().filter(b -> expected(b).isEmpty()).count();
      assertThat(passed.size()).as("only passes are remembered").isEqualTo(distinctValid);
    } finally {
      remembering.close();
    }
  }

  @Provide
  Arbitrary<List<Body>> sequences() {
    return Arbitraries.of(BODIES).list().ofMinSize(1).ofMaxSize(15);
  }

  @Test
  void aContractBreachIsReportedInFullEveryTimeAndAPassIsRemembered() throws IOException {
    PassedBodies passed = new PassedBodies(1_000);
    ContractSchemas remembering =
        new ContractSchemas(true, Fixtures.schemaDir().toString(), passed);
    ContractSchemas plain =
        new ContractSchemas(true, Fixtures.schemaDir().toString(), new PassedBodies(0));
    JsonNode item = JSON.readTree(Fixtures.body("item/1").toFile());
    JsonNode pikachu = JSON.readTree(Fixtures.body("pokemon/25").toFile());
    ObjectNode pikachuBroken = pikachu.deepCopy();
    pikachuBroken.put("height", "tall");

    for (int i = 0; i < 3; i++) {
      assertThat(remembering.validate(ApiRequest.of("item/1/"), item))
          .isEqualTo(plain.validate(ApiRequest.of("item/1/"), item));
      assertThat(remembering.validate(ApiRequest.of("pokemon/25/"), pikachu).orElseThrow().valid())
          .isTrue();
      ContractSchemas.Verdict broken =
          remembering.validate(ApiRequest.of("pokemon/25/"), pikachuBroken).orElseThrow();
      assertThat(broken.valid()).isFalse();
      assertThat(broken.violations()).extracting(AssertionDetail::path).contains("/height");
    }
    assertThat(remembering.validate(ApiRequest.of("item/1/"), item).orElseThrow().total())
        .isPositive();
    assertThat(passed.size()).as("only pikachu passed").isEqualTo(1);
  }

  @Test
  void equalTreesShareAKeyAndAnyChangeMakesAnother() throws IOException {
    PassedBodies passed = new PassedBodies(10);
    JsonNode a = JSON.readTree(Fixtures.body("pokemon/25").toFile());
    JsonNode b = JSON.readTree(Files.readString(Fixtures.body("pokemon/25")));
    ObjectNode c = a.deepCopy();
    c.put("weight", c.get("weight").asInt() + 1);

    assertThat(passed.keyOf("k", a)).isEqualTo(passed.keyOf("k", b));
    assertThat(passed.keyOf("k", a)).isNotEqualTo(passed.keyOf("k", c));
    assertThat(passed.keyOf("k", a)).isNotEqualTo(passed.keyOf("other", a));
    assertThat(new PassedBodies(0).keyOf("k", a)).as("off: no key, nothing remembered").isNull();
  }

  private static List<Body> bodies() {
    try {
      String pikachu = Files.readString(Fixtures.body("pokemon/25"));
      String overgrow = Files.readString(Fixtures.body("ability/65"));
      ObjectNode heavier = (ObjectNode) JSON.readTree(pikachu);
      heavier.put("weight", 61);
      ObjectNode badHeight = (ObjectNode) JSON.readTree(pikachu);
      badHeight.put("height", -1);
      return List.of(
          new Body("pokemon", pikachu),
          new Body("pokemon", Files.readString(Fixtures.body("pokemon/1"))),
          new Body("pokemon", heavier.toString()),
          new Body("pokemon", badHeight.toString()),
          new Body("ability", overgrow),
          new Body("ability", Files.readString(Fixtures.body("ability/999"))),
          new Body("ability", "{\"id\": -3, \"name\": \"Over Grow\"}"),
          new Body("type", Files.readString(Fixtures.body("type/10"))),
          new Body("pokemon", "not json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
