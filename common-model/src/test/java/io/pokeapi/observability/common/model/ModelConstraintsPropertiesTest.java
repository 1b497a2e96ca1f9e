package io.pokeapi.observability.common.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The one-walk constraint check ({@link ModelConstraints}) reports exactly what Hibernate Validator
 * on every mapped model did (the oracle, {@link ModelValidator#withBeanValidationOnly()}): same
 * verdict and same errors, on pokemon, species, ability and type bodies edited at random places
 * with values at and around each constraint's edges (nulls, missing fields, numbers around the
 * bounds, blank and badly formatted names and URLs, lists grown and shrunk, wrong types). The
 * walk's own verdict is compared too, since the validator falls back to Hibernate Validator
 * whenever the walk finds a violation.
 */
class ModelConstraintsPropertiesTest {

  private static final ModelValidator FAST = new ModelValidator();
  private static final ModelValidator ORACLE = ModelValidator.withBeanValidationOnly();
  private static final ObjectMapper MAPPER = ModelValidator.strictMapper();
  private static final ModelConstraints CONSTRAINTS = new ModelConstraints();
  private static final Map<String, String> FIXTURES =
      Map.of(
          "pokemon", "pokemon-pikachu.json",
          "pokemon-species", "pokemon-species-pikachu.json",
          "ability", "ability-static.json",
          "type", "type-electric.json");

  /** Values of any type at a constraint's edges, for any node. */
  private static final List<String> EDGE_VALUES =
      List.of(
          "null",
          "true",
          "false",
          "-1",
          "0",
          "1",
          "2147483648",
          "1.5",
          "1.0",
          "\"25\"",
          "\"\"",
          "\" \"",
          "\"pikachu\"",
          "[]",
          "[null]",
          "{}",
          "{\"name\": \"static\", \"url\": \"/api/v2/ability/9/\"}",
          "{\"name\": \"Static\", \"url\": \"/api/v2/ability/9/\"}",
          "{\"url\": \"/api/v2/evolution-chain/10/\"}");

  /** Integers around every bound of the models, for an integer node. */
  private static final List<Integer> INTEGER_EDGES =
      List.of(-2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 99, 100, 101, 254, 255, 256, Integer.MAX_VALUE);

  /** Names and URLs, well and badly formatted, blank or not, for a string node. */
  private static final List<String> STRING_EDGES =
      List.of(
          "",
          " ",
          "\u2003",
          "\t",
          "x",
          "pikachu",
          "Pikachu",
          "mr--mime",
          "mr-mime",
          "a-",
          "-a",
          "ja-hrkt",
          "/api/v2/type/13/",
          "https://pokeapi.co/api/v2/type/13/",
          "/api/v2/type/13",
          "/api/v2/type/x/",
          "/api/v2/pokemon/25/encounters",
          "/api/v2/pokemon/25/encounters/",
          "https://pokeapi.co/api/v2/pokemon/25/encounters",
          "https://x.org/a.png",
          "http://x/",
          "https:///a.png",
          "ftp://x.org/a",
          "https://x.org/a b",
          "x.org/a.png");

  /**
   * One edit: at the {@code at}-th node of the document (modulo their count), do {@code what} (0: a
   * value of the node's own type at a constraint's edge, 1: a value of any type, 2: remove it, 3:
   * duplicate it in its list, or the first element of the list it is); {@code variant} picks the
   * value.
   */
  record Edit(int at, int what, int variant) {}

  @AfterContainer
  static void close() {
    FAST.close();
    ORACLE.close();
  }

  @Property(tries = 3000)
  void theOneWalkCheckReportsExactlyWhatBeanValidationReports(
      @ForAll("endpoints") String endpoint, @ForAll("edits") List<Edit> edits) {
    ObjectNode document = ModelFixtures.tree(FIXTURES.get(endpoint));
    for (Edit edit : edits) {
      apply(document, edit);
    }
    String body = document.toString();

    ValidationReport<PokeApiResource> fast = FAST.validate(endpoint, body);
    ValidationReport<PokeApiResource> oracle = ORACLE.validate(endpoint, body);

    Statistics.label("verdict").collect(oracle.valid() ? "valid" : "invalid");
    Statistics.label("endpoint").collect(endpoint);
    assertThat(fast.valid()).as(body).isEqualTo(oracle.valid());
    assertThat(fast.errors()).as(body).isEqualTo(oracle.errors());
    assertThat(fast.value()).isEqualTo(oracle.value());
    ValidationReport<PokeApiResource> fromBytes =
        FAST.validate(endpoint, body.getBytes(StandardCharsets.UTF_8));
    assertThat(fromBytes.errors()).as("from the bytes: " + body).isEqualTo(oracle.errors());
    assertThat(fromBytes.value()).isEqualTo(oracle.value());
    mapped(endpoint, body)
        .ifPresent(
            model ->
                assertThat(CONSTRAINTS.hold(model))
                    .as("the walk's own verdict, without the fallback, on " + body)
                    .isEqualTo(oracle.valid()));
    Statistics.label("verdict")
        .coverage(
            checker -> {
              checker.check("valid").percentage(p -> p >= 5);
              checker.check("invalid").percentage(p -> p >= 30);
            });
  }

  @Property(tries = 200)
  void aBodyWithoutEditsIsValidBothWays(@ForAll("endpoints") String endpoint) {
    String body = ModelFixtures.text(FIXTURES.get(endpoint));

    assertThat(FAST.validate(endpoint, body).valid()).isTrue();
    assertThat(ORACLE.validate(endpoint, body).valid()).isTrue();
  }

  /** The body mapped onto its model, when it has no malformed JSON and no type error. */
  private static Optional<Object> mapped(String endpoint, String body) {
    try {
      return Optional.of(MAPPER.readValue(body, ModelValidator.modelType(endpoint)));
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Provide
  Arbitrary<String> endpoints() {
    return Arbitraries.of(List.copyOf(FIXTURES.keySet()));
  }

  @Provide
  Arbitrary<List<Edit>> edits() {
    Arbitrary<Edit> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, 10_000),
                Arbitraries.frequencyOf(
                    Tuple.of(6, Arbitraries.just(0)),
                    Tuple.of(2, Arbitraries.just(1)),
                    Tuple.of(1, Arbitraries.just(2)),
                    Tuple.of(1, Arbitraries.just(3))),
                Arbitraries.integers().between(0, 1_000))
            .as(Edit::new);
    return edit.list().ofMinSize(0).ofMaxSize(3);
  }

  private static void apply(ObjectNode document, Edit edit) {
    List<JsonNode> parents = new ArrayList<>();
    List<Object> keys = new ArrayList<>();
    collect(document, parents, keys);
    int i = edit.at() % parents.size();
    JsonNode parent = parents.get(i);
    Object key = keys.get(i);
    JsonNode current = parent instanceof ObjectNode o ? o.get((String) key) : parent.get((int) key);
    JsonNode value = valueFor(current, edit);
    if (parent instanceof ObjectNode object) {
      switch (edit.what()) {
        case 0, 1 -> object.set((String) key, value);
        case 2 -> object.remove((String) key);
        default -> {
          JsonNode child = object.get((String) key);
          if (child instanceof ArrayNode array && !array.isEmpty()) {
            array.add(array.get(0).deepCopy());
          }
        }
      }
    } else if (parent instanceof ArrayNode array) {
      int index = (Integer) key;
      switch (edit.what()) {
        case 0, 1 -> array.set(index, value);
        case 2 -> array.remove(index);
        default -> array.add(array.get(index).deepCopy());
      }
    }
  }

  private static JsonNode valueFor(JsonNode current, Edit edit) {
    int variant = edit.variant();
    if (edit.what() == 0 && current.isIntegralNumber()) {
      return IntNode.valueOf(INTEGER_EDGES.get(variant % INTEGER_EDGES.size()));
    }
    if (edit.what() == 0 && current.isTextual()) {
      return TextNode.valueOf(STRING_EDGES.get(variant % STRING_EDGES.size()));
    }
    return ModelFixtures.parse(EDGE_VALUES.get(variant % EDGE_VALUES.size()));
  }

  /** Every node but the root with its parent and key, skipping the free-form sprite versions. */
  private static void collect(JsonNode node, List<JsonNode> parents, List<Object> keys) {
    if (node instanceof ObjectNode object) {
      object
          .fields()
          .forEachRemaining(
              field -> {
                parents.add(object);
                keys.add(field.getKey());
                if (!field.getKey().equals("versions")) {
                  collect(field.getValue(), parents, keys);
                }
              });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        parents.add(array);
        keys.add(i);
        collect(array.get(i), parents, keys);
      }
    }
  }
}
