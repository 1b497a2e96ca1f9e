package io.pokeapi.observability.diff.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A change of the schema of a scope.
 *
 * @param scope the schema scope
 * @param schemaVersion the version the change produced
 * @param changeType the common-model {@code ChangeType} name
 * @param path the JSON Pointer ({@code *} for every array element)
 * @param oldValue the old state, or {@code null}
 * @param newValue the new state, or {@code null}
 * @param breaking whether it can break a client
 * @param resourceKey the key of the answer that showed it, or {@code null} when a sweep did
 * @param resourceId the resource that showed it, or {@code null}
 * @param runId the run, or {@code null}
 * @param releaseHash the release hash seen with it, or {@code null}
 * @param deployDate the deploy date seen with it, or {@code null}
 * @param detectedAt when the diff service saw it
 */
public record NewSchemaChange(
    String scope,
    int schemaVersion,
    String changeType,
    String path,
    String oldValue,
    String newValue,
    boolean breaking,
    String resourceKey,
    String resourceId,
    UUID runId,
    String releaseHash,
    String deployDate,
    Instant detectedAt) {}
