package io.pokeapi.observability.diff.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored body seen again: moves its last-seen time, run and release hash forward.
 *
 * @param snapshotId the snapshot
 * @param seenAt the capture time
 * @param runId the run
 * @param releaseHash the release hash seen with it, or {@code null}
 */
public record SnapshotSighting(long snapshotId, Instant seenAt, UUID runId, String releaseHash) {}
