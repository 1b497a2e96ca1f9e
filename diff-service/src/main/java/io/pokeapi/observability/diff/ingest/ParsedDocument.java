package io.pokeapi.observability.diff.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.common.schema.SchemaNode;

/**
 * A body not stored before, parsed: its resource, its shape and the shape's fingerprint.
 *
 * @param json the parsed body
 * @param identity the resource it belongs to
 * @param shape the schema inferred from this body alone
 * @param fingerprint the count-free fingerprint of {@code shape}
 */
public record ParsedDocument(
    JsonNode json, ResourceIdentity identity, SchemaNode shape, String fingerprint) {}
