package io.pokeapi.observability.common.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * jqwik generators of JSON documents: arbitrary trees, and families of similar documents drawn from
 * one random {@link Shape} (the shape of an endpoint's resources: optional and nullable fields,
 * union types, nested objects, arrays of objects), so that the drift properties are tested on the
 * kind of input they are meant for and not only on unrelated random trees.
 */
public final class JsonArbitraries {

  private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

  private JsonArbitraries() {}

  /** Object keys, including some that need escaping in a JSON Pointer. */
  public static Arbitrary<String> keys() {
    return Arbitraries.frequencyOf(
        Tuple.of(
            6,
            Arbitraries.of(
                "id", "name", "url", "slot", "items", "is_hidden", "version", "sprites", "0")),
        Tuple.of(3, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(4)),
        Tuple.of(1, Arbitraries.of("", "a/b", "~t", "~1", "*", "é ü", "-")));
  }

  public static Arbitrary<JsonNode> nulls() {
    return Arbitraries.just(NullNode.getInstance());
  }

  public static Arbitrary<JsonNode> booleans() {
    return Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE);
  }

  public static Arbitrary<JsonNode> integers() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.integers().between(-1000, 1000).map(IntNode::valueOf)),
        Tuple.of(1, Arbitraries.longs().map(LongNode::valueOf)));
  }

  /** Numbers with a fractional part or an exponent in their text, {@code 2.0} included. */
  public static Arbitrary<JsonNode> decimals() {
    return Arbitraries.doubles().between(-1e6, 1e6).ofScale(3).map(DoubleNode::valueOf);
  }

  public static Arbitrary<JsonNode> strings() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars("éü")
        .ofMaxLength(8)
        .map(TextNode::valueOf);
  }

  public static Arbitrary<JsonNode> scalars() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, nulls()),
        Tuple.of(1, booleans()),
        Tuple.of(2, integers()),
        Tuple.of(2, decimals()),
        Tuple.of(2, strings()));
  }

  /** Any JSON value nested at most {@code depth} levels. */
  public static Arbitrary<JsonNode> values(int depth) {
    if (depth == 0) {
      return scalars();
    }
    return Arbitraries.frequencyOf(
        Tuple.of(3, scalars()), Tuple.of(2, objects(depth - 1)), Tuple.of(1, arrays(depth - 1)));
  }

  /** Any JSON object whose values nest at most {@code depth} levels. */
  public static Arbitrary<JsonNode> objects(int depth) {
    return Arbitraries.maps(keys(), values(depth))
        .ofMaxSize(5)
        .withSizeDistribution(RandomDistribution.uniform())
        .withoutEdgeCases()
        .map(
            fields -> {
              ObjectNode object = FACTORY.objectNode();
              fields.forEach(object::set);
              return object;
            });
  }

  /** Any JSON array whose elements nest at most {@code depth} levels. */
  public static Arbitrary<JsonNode> arrays(int depth) {
    return values(depth)
        .list()
        .ofMaxSize(4)
        .withSizeDistribution(RandomDistribution.uniform())
        .withoutEdgeCases()
        .map(JsonArbitraries::array);
  }

  /** Unrelated random documents (objects). */
  public static Arbitrary<List<JsonNode>> unrelatedDocuments() {
    return objects(3)
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .withSizeDistribution(RandomDistribution.uniform())
        .withoutEdgeCases();
  }

  /** Documents of one random endpoint shape. */
  public static Arbitrary<List<JsonNode>> families() {
    return objectShapes(3)
        .flatMap(
            shape ->
                shape
                    .instances()
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(8)
                    .withSizeDistribution(RandomDistribution.uniform())
                    .withoutEdgeCases());
  }

  /** Mostly families, sometimes unrelated documents. */
  public static Arbitrary<List<JsonNode>> documentSets() {
    return Arbitraries.frequencyOf(Tuple.of(4, families()), Tuple.of(1, unrelatedDocuments()));
  }

  /**
   * Two sets of documents: mostly two samples of one shape (they differ in which optional fields,
   * nulls, union members and array elements they happen to hold), sometimes of two shapes.
   */
  public static Arbitrary<Tuple2<List<JsonNode>, List<JsonNode>>> documentSetPairs() {
    Arbitrary<Tuple2<List<JsonNode>, List<JsonNode>>> sameShape =
        objectShapes(3)
            .flatMap(
                shape -> {
                  Arbitrary<List<JsonNode>> sample =
                      shape
                          .instances()
                          .list()
                          .ofMaxSize(6)
                          .withSizeDistribution(RandomDistribution.uniform())
                          .withoutEdgeCases();
                  return Combinators.combine(sample, sample).as(Tuple::of);
                });
    Arbitrary<Tuple2<List<JsonNode>, List<JsonNode>>> unrelated =
        Combinators.combine(documentSets(), documentSets()).as(Tuple::of);
    return Arbitraries.frequencyOf(Tuple.of(4, sameShape), Tuple.of(1, unrelated));
  }

  /** A set of documents of one shape plus one more document, mostly of the same shape. */
  public static Arbitrary<Tuple2<List<JsonNode>, JsonNode>> documentSetAndCandidate() {
    Arbitrary<Tuple2<List<JsonNode>, JsonNode>> sameShape =
        objectShapes(3)
            .flatMap(
                shape ->
                    Combinators.combine(
                            shape
                                .instances()
                                .list()
                                .ofMinSize(1)
                                .ofMaxSize(6)
                                .withSizeDistribution(RandomDistribution.uniform())
                                .withoutEdgeCases(),
                            shape.instances())
                        .as(Tuple::of));
    Arbitrary<Tuple2<List<JsonNode>, JsonNode>> unrelated =
        Combinators.combine(documentSets(), objects(3)).as(Tuple::of);
    return Arbitraries.frequencyOf(Tuple.of(4, sameShape), Tuple.of(1, unrelated));
  }

  static ArrayNode array(List<JsonNode> elements) {
    ArrayNode array = FACTORY.arrayNode(elements.size());
    array.addAll(elements);
    return array;
  }

  // ---------------------------------------------------------------- shapes of endpoint resources

  /** The scalar kinds a shape can draw from. */
  public enum ScalarKind {
    BOOLEAN,
    INTEGER,
    DECIMAL,
    STRING;

    Arbitrary<JsonNode> generator() {
      return switch (this) {
        case BOOLEAN -> booleans();
        case INTEGER -> integers();
        case DECIMAL -> decimals();
        case STRING -> strings();
      };
    }
  }

  /** The shape of the values at one place of an endpoint's resources. */
  public sealed interface Shape permits ScalarShape, ObjectShape, ArrayShape, UnionShape {
    /** Values of this shape; each one a new tree. */
    Arbitrary<JsonNode> instances();
  }

  /** A scalar of one of the kinds ({@code integer|decimal} gives a {@code number} schema). */
  public record ScalarShape(Set<ScalarKind> kinds) implements Shape {
    @Override
    public Arbitrary<JsonNode> instances() {
      return Arbitraries.oneOf(kinds.stream().map(ScalarKind::generator).toList());
    }
  }

  /** A field of an object shape: sometimes absent when optional, sometimes null when nullable. */
  public record Field(Shape shape, boolean optional, boolean nullable) {
    Arbitrary<Optional<JsonNode>> values() {
      Arbitrary<JsonNode> value =
          nullable
              ? Arbitraries.frequencyOf(Tuple.of(1, nulls()), Tuple.of(3, shape.instances()))
              : shape.instances();
      Arbitrary<Optional<JsonNode>> present = value.map(Optional::of);
      return optional
          ? Arbitraries.frequencyOf(
              Tuple.of(1, Arbitraries.just(Optional.<JsonNode>empty())), Tuple.of(2, present))
          : present;
    }
  }

  /** An object with known fields. */
  public record ObjectShape(Map<String, Field> fields) implements Shape {
    @Override
    public Arbitrary<JsonNode> instances() {
      List<String> names = new ArrayList<>(fields.keySet());
      if (names.isEmpty()) {
        return Arbitraries.create(FACTORY::objectNode);
      }
      List<Arbitrary<Optional<JsonNode>>> parts =
          names.stream().map(name -> fields.get(name).values()).toList();
      return Combinators.combine(parts)
          .as(
              values -> {
                ObjectNode object = FACTORY.objectNode();
                for (int i = 0; i < names.size(); i++) {
                  int index = i;
                  values.get(i).ifPresent(value -> object.set(names.get(index), value));
                }
                return object;
              });
    }
  }

  /** An array of elements of one shape, often empty. */
  public record ArrayShape(Shape element) implements Shape {
    @Override
    public Arbitrary<JsonNode> instances() {
      return element
          .instances()
          .list()
          .ofMaxSize(3)
          .withSizeDistribution(RandomDistribution.uniform())
          .withoutEdgeCases()
          .map(JsonArbitraries::array);
    }
  }

  /** Either of two shapes (a field that is sometimes an object, sometimes a string, ...). */
  public record UnionShape(Shape first, Shape second) implements Shape {
    @Override
    public Arbitrary<JsonNode> instances() {
      return Arbitraries.oneOf(first.instances(), second.instances());
    }
  }

  /** Random shapes nested at most {@code depth} levels. */
  public static Arbitrary<Shape> shapes(int depth) {
    Arbitrary<Shape> scalar =
        Arbitraries.subsetOf(ScalarKind.values())
            .ofMinSize(1)
            .ofMaxSize(2)
            .map(kinds -> (Shape) new ScalarShape(kinds));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<Shape> union =
        Combinators.combine(scalar, objectShapes(depth - 1)).as(UnionShape::new);
    return Arbitraries.frequencyOf(
        Tuple.of(6, scalar),
        Tuple.of(3, objectShapes(depth - 1).map(shape -> (Shape) shape)),
        Tuple.of(2, shapes(depth - 1).map(element -> (Shape) new ArrayShape(element))),
        Tuple.of(1, union.map(shape -> (Shape) shape)));
  }

  /** Random object shapes whose fields nest at most {@code depth} levels. */
  public static Arbitrary<ObjectShape> objectShapes(int depth) {
    Arbitrary<Boolean> sometimes = Arbitraries.integers().between(0, 9).map(i -> i < 3);
    Arbitrary<Field> fields =
        Combinators.combine(shapes(depth), sometimes, sometimes).as(Field::new);
    return Arbitraries.maps(keys(), fields)
        .ofMinSize(1)
        .ofMaxSize(6)
        .withSizeDistribution(RandomDistribution.uniform())
        .withoutEdgeCases()
        .map(ObjectShape::new);
  }
}
