package io.pokeapi.observability.diff.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A body already stored for a resource, found by its SHA-256.
 *
 * @param snapshotId the snapshot row
 * @param endpoint the endpoint
 * @param sha256 the body's SHA-256
 * @param resourceId the resource it belongs to
 * @param idFromBody whether the resource id came from the body (see {@code ResourceIdentity})
 * @param shape the fingerprint of the body's shape
 * @param lastSeen when the body was last seen
 * @param lastRunId the run that last saw it
 * @param lastReleaseHash the release hash last seen with it
 */
public record KnownContent(
    long snapshotId,
    String endpoint,
    String sha256,
    String resourceId,
    boolean idFromBody,
    String shape,
    Instant lastSeen,
    UUID lastRunId,
    String lastReleaseHash) {}
