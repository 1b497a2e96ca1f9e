package io.pokeapi.observability.diff.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A version of the schema of a scope.
 *
 * @param scope the schema scope
 * @param version the version number, from 1
 * @param schemaJson the JSON Schema text
 * @param origin what made it
 * @param runId the run whose documents made it, or {@code null}
 * @param releaseHash the release hash seen with them, or {@code null}
 * @param deployDate the deploy date seen with them, or {@code null}
 * @param documents how many documents the run delivered (for a sweep), or the documents the schema
 *     describes
 * @param createdAt when it was made
 */
public record NewSchemaVersion(
    String scope,
    int version,
    String schemaJson,
    SchemaOrigin origin,
    UUID runId,
    String releaseHash,
    String deployDate,
    long documents,
    Instant createdAt) {}
