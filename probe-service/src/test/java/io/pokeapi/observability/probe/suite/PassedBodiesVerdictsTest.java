package io.pokeapi.observability.probe.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.AssertionDetail;
import io.pokeapi.observability.common.contract.ResponseHeaders;
import io.pokeapi.observability.probe.client.ApiRequest;
import io.pokeapi.observability.probe.client.HttpAnswer;
import io.pokeapi.observability.probe.contract.ContractSchemas;
import io.pokeapi.observability.probe.support.Fixtures;
import io.pokeapi.observability.probe.verdict.PassedBodies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
      for (int i = 0; i < sequence.size(); i++) {
        Body body = sequence.get(i);
        // as text, or as a received answer keyed by the SHA-256 of its bytes: one memo for both
        List<AssertionDetail> got =
            i % 2 == 0
                ? remembering.validate(body.endpoint(), body.text())
                : remembering.validate(body.endpoint(), answer(body.text()));
        assertThat(got)
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
    byte[] item = Files.readAllBytes(Fixtures.body("item/1"));
    byte[] pikachu = Files.readAllBytes(Fixtures.body("pokemon/25"));
    ObjectNode broken = (ObjectNode) JSON.readTree(pikachu);
    broken.put("height", "tall");
    byte[] pikachuBroken = JSON.writeValueAsBytes(broken);

    for (int i = 0; i < 3; i++) {
      assertThat(validate(remembering, "item/1/", item))
          .isEqualTo(plain.validate(ApiRequest.of("item/1/"), JSON.readTree(item)));
      assertThat(validate(remembering, "pokemon/25/", pikachu).orElseThrow().valid()).isTrue();
      ContractSchemas.Verdict verdict =
          validate(remembering, "pokemon/25/", pikachuBroken).orElseThrow();
      assertThat(verdict.valid()).isFalse();
      assertThat(verdict.violations()).extracting(AssertionDetail::path).contains("/height");
    }
    assertThat(validate(remembering, "item/1/", item).orElseThrow().total()).isPositive();
    assertThat(passed.size()).as("only pikachu passed").isEqualTo(1);
    List<String> parsed = new ArrayList<>();
    assertThat(
            remembering
                .validate(
                    ApiRequest.of("pokemon/25/"),
                    ApiResponseCaptured.sha256Hex(pikachu),
                    () -> {
                      parsed.add("parsed");
                      return JSON.createObjectNode();
                    })
                .orElseThrow()
                .valid())
        .isTrue();
    assertThat(parsed).as("a remembered pass is not parsed again").isEmpty();
  }

  private static Optional<ContractSchemas.Verdict> validate(
      ContractSchemas schemas, String path, byte[] body) {
    return schemas.validate(
        ApiRequest.of(path),
        ApiResponseCaptured.sha256Hex(body),
        () -> {
          try {
            return JSON.readTree(body);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @Test
  void aBodyHasOneKeyPerValidationWhetherHashedAsTextOrReceived() throws IOException {
    PassedBodies passed = new PassedBodies(10);
    String pikachu = Files.readString(Fixtures.body("pokemon/25"));
    // the same tree, other bytes: another key (a key stands for bytes, not for a tree)
    String other = pikachu + "\n";

    String digest = answer(pikachu).bodySha256();

    assertThat(passed.keyOfDigest("k", digest)).isEqualTo(passed.keyOf("k", pikachu));
    assertThat(passed.keyOfDigest("k", digest.toUpperCase(java.util.Locale.ROOT)))
        .isEqualTo(passed.keyOfDigest("k", digest));
    assertThat(passed.keyOfDigest("k", digest))
        .isNotEqualTo(passed.keyOfDigest("k", answer(other).bodySha256()));
    assertThat(passed.keyOfDigest("k", digest)).isNotEqualTo(passed.keyOfDigest("other", digest));
    assertThat(passed.keyOfDigest("k", null)).as("no digest: nothing remembered").isNull();
    assertThat(new PassedBodies(0).keyOfDigest("k", digest))
        .as("off: no key, nothing remembered")
        .isNull();
  }

  /** A received 200 answer with {@code text} as its body. */
  private static HttpAnswer answer(String text) {
    return new HttpAnswer(
        200, ResponseHeaders.NONE, null, null, text.getBytes(StandardCharsets.UTF_8), false);
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
