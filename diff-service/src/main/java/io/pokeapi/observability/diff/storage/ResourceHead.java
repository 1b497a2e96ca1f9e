package io.pokeapi.observability.diff.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * The current version of a resource.
 *
 * @param endpoint the endpoint
 * @param resourceId the resource
 * @param snapshotId the snapshot holding the current body
 * @param sha256 the current body's SHA-256
 * @param observedAt when the observation that made it current was captured
 * @param lastRunId the run that last saw the current body
 * @param lastReleaseHash the release hash last seen with the current body
 */
public record ResourceHead(
    String endpoint,
    String resourceId,
    long snapshotId,
    String sha256,
    Instant observedAt,
    UUID lastRunId,
    String lastReleaseHash) {

  /** This head after one more sighting of its body. */
  public ResourceHead seenAgain(UUID runId, String releaseHash) {
    return new ResourceHead(
        endpoint,
        resourceId,
        snapshotId,
        sha256,
        observedAt,
        runId,
        releaseHash == null ? lastReleaseHash : releaseHash);
  }
}
