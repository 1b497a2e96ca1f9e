package io.pokeapi.observability.diff.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A body to store for a resource.
 *
 * @param endpoint the endpoint
 * @param resourceId the resource
 * @param idFromBody whether the resource id came from the body
 * @param resourceName the body's name, or {@code null}
 * @param resourceKey the key it was first requested under
 * @param sha256 the body's SHA-256
 * @param body the JSON text
 * @param bodyBytes the body's size in bytes
 * @param schemaScope the schema scope of the body
 * @param shape the fingerprint of its shape
 * @param firstSeen the first capture time in the batch
 * @param lastSeen the last capture time in the batch
 * @param firstRunId the run of the first capture
 * @param lastRunId the run of the last capture
 * @param releaseHash the release hash of the first capture
 * @param deployDate the deploy date of the first capture
 * @param lastReleaseHash the release hash of the last capture
 */
public record NewSnapshot(
    String endpoint,
    String resourceId,
    boolean idFromBody,
    String resourceName,
    String resourceKey,
    String sha256,
    String body,
    int bodyBytes,
    String schemaScope,
    String shape,
    Instant firstSeen,
    Instant lastSeen,
    UUID firstRunId,
    UUID lastRunId,
    String releaseHash,
    String deployDate,
    String lastReleaseHash) {}
