package io.pokeapi.observability.load.rest;

import io.pokeapi.observability.load.profile.LoadProfile;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/load-runs}.
 *
 * @param preset a preset name; exactly one of preset and profile
 * @param profile a full profile
 * @param baseUrl overrides the profile's or preset's base URL
 * @param replicas how many replicas share the run (default 1)
 * @param overridePoliteRate run above the polite rate against a protected host
 */
@Schema(name = "StartLoadRun")
public record StartLoadRunRequest(
    @Schema(description = "original, spike, soak or smoke", examples = "original") String preset,
    LoadProfile profile,
    @Schema(examples = "http://127.0.0.1:8080/api/v2") String baseUrl,
    @Schema(defaultValue = "1") Integer replicas,
    @Schema(defaultValue = "false") Boolean overridePoliteRate) {}
