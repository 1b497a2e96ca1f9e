package io.pokeapi.observability.diff.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * What one ingest batch saw of a run.
 *
 * @param runId the run
 * @param suite the suite the captures named
 * @param firstCapturedAt the earliest capture
 * @param lastCapturedAt the latest capture
 * @param releaseHash the release hash of the latest capture that had one, or {@code null}
 * @param deployDate the deploy date of that capture, or {@code null}
 */
public record RunCaptures(
    UUID runId,
    String suite,
    Instant firstCapturedAt,
    Instant lastCapturedAt,
    String releaseHash,
    String deployDate) {}
