package io.pokeapi.observability.diff.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A change of a resource's body to store.
 *
 * @param endpoint the endpoint
 * @param resourceId the resource
 * @param resourceKey the key the newer body was requested under
 * @param fromSha256 the SHA-256 of the older body
 * @param toSha256 the SHA-256 of the newer body
 * @param fromSnapshotId the older snapshot
 * @param toSnapshotId the newer snapshot
 * @param operations JSON array of {@code {op, path, oldValue, newValue}}
 * @param jsonPatch the RFC 6902 JSON Patch
 * @param operationCount how many operations
 * @param runId the run whose capture showed the change
 * @param releaseHash the release hash seen with the newer body
 * @param deployDate the deploy date seen with the newer body
 * @param previousReleaseHash the release hash last seen with the older body
 * @param inconsistency why the change is an edge inconsistency rather than a release, or {@code
 *     null}
 * @param detectedAt when the diff service saw it
 */
public record NewDataChange(
    String endpoint,
    String resourceId,
    String resourceKey,
    String fromSha256,
    String toSha256,
    long fromSnapshotId,
    long toSnapshotId,
    String operations,
    String jsonPatch,
    int operationCount,
    UUID runId,
    String releaseHash,
    String deployDate,
    String previousReleaseHash,
    EdgeInconsistency inconsistency,
    Instant detectedAt) {}
