package io.pokeapi.observability.probe.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * The JSON body of an answer as a tree: parsed when the answer arrived, or, for a body the ETag
 * cache gave back after a 304 (which parsed when it was first received, or it would not have been
 * cached), parsed only when a check first asks for it. An unchanged sweep whose checks all passed
 * before on the same bytes (remembered by the body's SHA-256) then never parses the body at all.
 */
public final class JsonBody {

  private final ObjectMapper parser;
  private final Supplier<byte[]> bytes;
  private volatile JsonNode tree;

  private JsonBody(ObjectMapper parser, Supplier<byte[]> bytes, JsonNode tree) {
    this.parser = parser;
    this.bytes = bytes;
    this.tree = tree;
  }

  /** A body already parsed. */
  static JsonBody parsed(JsonNode tree) {
    return new JsonBody(null, null, tree);
  }

  /** A body known to parse with {@code parser}, parsed on first use. */
  static JsonBody deferred(ObjectMapper parser, Supplier<byte[]> bytes) {
    return new JsonBody(parser, bytes, null);
  }

  /** The tree (parsing the body now if that was deferred). */
  public JsonNode tree() {
    JsonNode result = tree;
    if (result == null) {
      try {
        result = parser.readTree(bytes.get());
      } catch (IOException e) {
        throw new IllegalStateException("a cached body that parsed before no longer parses", e);
      }
      tree = result;
    }
    return result;
  }
}
