package io.pokeapi.observability.diff.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.common.schema.SchemaNode;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A body not stored before, parsed: its resource, its shape and the shape's fingerprint, and the
 * parsed tree while it is needed. A batch keeps its documents until its transaction commits, and a
 * tree is several times the size of its text: once the batch is prepared (shape, fingerprint,
 * drift) the tree is let go ({@link #withoutTree}) and parsed again from the text only if the
 * transaction needs it (a data change, or a schema that moved meanwhile), so that a batch's trees
 * die young instead of filling the heap together.
 */
public final class ParsedDocument {

  private final ResourceIdentity identity;
  private final SchemaNode shape;
  private final String fingerprint;
  private final Supplier<JsonNode> reparse;
  private volatile JsonNode json;

  /**
   * @param json the parsed body
   * @param identity the resource it belongs to
   * @param shape the schema inferred from this body alone
   * @param fingerprint the count-free fingerprint of {@code shape}
   */
  public ParsedDocument(
      JsonNode json, ResourceIdentity identity, SchemaNode shape, String fingerprint) {
    this(Objects.requireNonNull(json, "json"), identity, shape, fingerprint, null);
  }

  private ParsedDocument(
      JsonNode json,
      ResourceIdentity identity,
      SchemaNode shape,
      String fingerprint,
      Supplier<JsonNode> reparse) {
    this.json = json;
    this.identity = identity;
    this.shape = shape;
    this.fingerprint = fingerprint;
    this.reparse = reparse;
  }

  /** The same document without its tree, which {@code reparse} gives again when asked. */
  public ParsedDocument withoutTree(Supplier<JsonNode> reparse) {
    return new ParsedDocument(null, identity, shape, fingerprint, reparse);
  }

  /** The parsed body (parsed again now if the tree was let go). */
  public JsonNode json() {
    JsonNode result = json;
    if (result == null) {
      result = reparse.get();
      json = result;
    }
    return result;
  }

  public ResourceIdentity identity() {
    return identity;
  }

  public SchemaNode shape() {
    return shape;
  }

  public String fingerprint() {
    return fingerprint;
  }
}
