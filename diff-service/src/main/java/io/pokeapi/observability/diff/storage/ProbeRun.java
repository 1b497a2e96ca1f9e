package io.pokeapi.observability.diff.storage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A probe run as the diff service knows it.
 *
 * @param runId the run
 * @param suite the suite
 * @param endpoints the endpoints the run announced (may be empty)
 * @param startedAt when it started, or {@code null}
 * @param finishedAt when it finished, or {@code null} while running
 * @param status how it ended ({@code completed}, {@code cancelled}, {@code failed}, {@code
 *     aborted}), or {@code null}
 * @param requests the requests it made, or {@code null}
 * @param releaseHash the latest release hash seen in its captures
 * @param deployDate the deploy date seen with it
 * @param capturesPublished how many captures the probe announced for it, or {@code null} (an older
 *     probe, or not finished)
 */
public record ProbeRun(
    UUID runId,
    String suite,
    List<String> endpoints,
    Instant startedAt,
    Instant finishedAt,
    String status,
    Long requests,
    String releaseHash,
    String deployDate,
    Long capturesPublished) {}
