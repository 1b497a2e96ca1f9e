package io.pokeapi.observability.probe.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/runs}.
 *
 * @param suite {@code smoke}, {@code regression} or {@code sweep}
 * @param endpoints endpoints to limit the run to (optional)
 * @param resources resources to probe instead of the configured or discovered ones (optional)
 * @param reruns how many times a failed check is re-run in this run (optional, 0 to 10; default
 *     {@code probe.checks.reruns})
 */
@Schema(name = "StartRun", description = "What to run")
public record StartRunRequest(
    @Schema(
            description = "The suite",
            enumeration = {"smoke", "regression", "sweep"},
            required = true)
        @NotBlank(message = "is required: smoke, regression or sweep")
        @Pattern(
            regexp = "(?i)smoke|regression|sweep",
            message = "must be smoke, regression or sweep")
        String suite,
    @Schema(description = "Endpoints to limit the run to, e.g. [\"pokemon\", \"type\"]")
        @Size(max = 49, message = "at most 49 endpoints")
        List<@NotNull(message = "must not be null") @KnownEndpoint String> endpoints,
    @Schema(description = "Resources (endpoint/id-or-name) to probe, e.g. [\"pokemon/25\"]")
        @Size(max = 5000, message = "at most 5000 resources")
        List<@NotNull(message = "must not be null") @ResourceReference String> resources,
    @Schema(
            description =
                "How many times a failed check is re-run in this run (default"
                    + " probe.checks.reruns, 2)",
            minimum = "0",
            maximum = "10")
        @Min(value = 0, message = "must be at least 0")
        @Max(value = 10, message = "must be at most 10")
        Integer reruns) {}
