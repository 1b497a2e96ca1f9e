package io.pokeapi.observability.common.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pokeapi.observability.common.testsupport.PokeApiData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses the real data into trees that share equal subtrees (PokéAPI repeats the same names, URLs
 * and {@code {"name", "url"}} references thousands of times), so that every resource of an endpoint
 * fits in a small test heap. The trees are equal to plainly parsed ones and must be treated as
 * read-only. Not thread-safe.
 */
final class CompactJsonReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<JsonNode, JsonNode> shared = new HashMap<>();

  /** The parsed {@code index.json[.gz]} file. */
  JsonNode read(Path file) {
    try {
      return share(MAPPER.readTree(PokeApiData.readBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  private JsonNode share(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        field.setValue(share(field.getValue()));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, share(array.get(i)));
      }
    }
    JsonNode existing = shared.putIfAbsent(node, node);
    return existing == null ? node : existing;
  }
}
