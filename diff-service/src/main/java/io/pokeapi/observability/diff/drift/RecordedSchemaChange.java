package io.pokeapi.observability.diff.drift;

import io.pokeapi.observability.common.schema.SchemaChange;

/**
 * A schema change stored for the first time.
 *
 * @param scope the schema scope
 * @param schemaVersion the version it produced
 * @param change the change
 * @param resourceKey the key of the answer that showed it, or {@code null} when a sweep did
 * @param releaseHash the release hash seen with it, or {@code null}
 */
public record RecordedSchemaChange(
    String scope, int schemaVersion, SchemaChange change, String resourceKey, String releaseHash) {}
