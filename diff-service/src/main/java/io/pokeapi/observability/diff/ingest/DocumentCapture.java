package io.pokeapi.observability.diff.ingest;

import io.pokeapi.observability.common.schema.SchemaChange;
import io.pokeapi.observability.diff.storage.KnownContent;
import java.util.List;

/**
 * A capture carrying a JSON document, resolved to its resource and content.
 *
 * @param capture the capture
 * @param resource the resource the document belongs to
 * @param known the stored snapshot with the same body, or {@code null} for a new body
 * @param parsed the parsed body when it is new, else {@code null}
 * @param fingerprint the fingerprint of the body's shape
 * @param schemaDrift the schema changes the body proves against its endpoint's current schema
 */
public record DocumentCapture(
    Capture capture,
    ResourceRef resource,
    KnownContent known,
    ParsedDocument parsed,
    String fingerprint,
    List<SchemaChange> schemaDrift) {

  /** The body stored for this resource, identified by its SHA-256. */
  public ContentKey content() {
    return new ContentKey(resource, capture.sha256());
  }

  /** Whether the body was stored before this batch. */
  public boolean isKnown() {
    return known != null;
  }
}
