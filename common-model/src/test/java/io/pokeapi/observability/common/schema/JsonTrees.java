package io.pokeapi.observability.common.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small helpers on JSON trees for tests. */
public final class JsonTrees {

  private JsonTrees() {}

  /**
   * A deep copy with the keys of every object in random order (as PostgreSQL jsonb reorders them).
   */
  public static JsonNode shuffleKeys(JsonNode node, Random random) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
      Collections.shuffle(fields, random);
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      fields.forEach(field -> copy.set(field.getKey(), shuffleKeys(field.getValue(), random)));
      return copy;
    }
    if (node.isArray()) {
      var copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(shuffleKeys(element, random)));
      return copy;
    }
    return node.deepCopy();
  }
}
