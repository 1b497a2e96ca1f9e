package io.pokeapi.observability.diff.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored version of the schema of a scope.
 *
 * @param scope the schema scope
 * @param version the version number
 * @param schemaJson the JSON Schema text
 * @param origin what made it
 * @param runId the run whose documents made it, or {@code null}
 * @param releaseHash the release hash seen with them, or {@code null}
 * @param deployDate the deploy date seen with them, or {@code null}
 * @param documents the documents of the sweep that made it (or that the schema describes)
 * @param createdAt when it was made
 */
public record StoredSchemaVersion(
    String scope,
    int version,
    String schemaJson,
    SchemaOrigin origin,
    UUID runId,
    String releaseHash,
    String deployDate,
    long documents,
    Instant createdAt) {}
