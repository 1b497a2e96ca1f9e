package io.pokeapi.observability.common.datadiff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Turns a document into a plausible next version of it: values changed, keys added or removed,
 * values nulled, and array elements reordered, inserted, removed or replaced, the edits a data diff
 * must get right.
 */
final class JsonMutations {

  private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

  private JsonMutations() {}

  /** A mutated deep copy of {@code document}; {@code document} itself is left unchanged. */
  static JsonNode mutate(JsonNode document, Random random) {
    JsonNode copy = document.deepCopy();
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits; i++) {
      List<JsonNode> containers = new ArrayList<>();
      collectContainers(copy, containers);
      if (containers.isEmpty()) {
        return randomValue(random, 2);
      }
      JsonNode target = containers.get(random.nextInt(containers.size()));
      if (target instanceof ObjectNode object) {
        mutateObject(object, random);
      } else {
        mutateArray((ArrayNode) target, random);
      }
    }
    return copy;
  }

  private static void collectContainers(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      node.forEach(child -> collectContainers(child, containers));
    }
  }

  private static void mutateObject(ObjectNode object, Random random) {
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    String existing = keys.isEmpty() ? null : keys.get(random.nextInt(keys.size()));
    switch (existing == null ? 0 : random.nextInt(4)) {
      case 0 -> object.set(randomKey(random), randomValue(random, 2));
      case 1 -> object.remove(existing);
      case 2 -> object.putNull(existing);
      default -> object.set(existing, randomValue(random, 1));
    }
  }

  private static void mutateArray(ArrayNode array, Random random) {
    int size = array.size();
    switch (size == 0 ? 0 : random.nextInt(5)) {
      case 0 -> array.insert(random.nextInt(size + 1), randomValue(random, 1));
      case 1 -> array.remove(random.nextInt(size));
      case 2 -> {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        Collections.shuffle(elements, random);
        array.removeAll();
        array.addAll(elements);
      }
      case 3 -> array.insert(random.nextInt(size + 1), array.get(random.nextInt(size)).deepCopy());
      default -> array.set(random.nextInt(size), randomValue(random, 1));
    }
  }

  private static String randomKey(Random random) {
    String[] keys = {"id", "name", "a/b", "~t", "new", "", "0"};
    return keys[random.nextInt(keys.length)];
  }

  static JsonNode randomValue(Random random, int depth) {
    int choice = random.nextInt(depth > 0 ? 7 : 5);
    return switch (choice) {
      case 0 -> FACTORY.nullNode();
      case 1 -> FACTORY.booleanNode(random.nextBoolean());
      case 2 -> FACTORY.numberNode(random.nextInt(100));
      case 3 -> FACTORY.numberNode(random.nextInt(1000) / 10.0);
      case 4 -> FACTORY.textNode("v" + random.nextInt(5));
      case 5 -> {
        ObjectNode object = FACTORY.objectNode();
        object.set(randomKey(random), randomValue(random, depth - 1));
        yield object;
      }
      default -> {
        ArrayNode array = FACTORY.arrayNode();
        array.add(randomValue(random, depth - 1));
        yield array;
      }
    };
  }
}
