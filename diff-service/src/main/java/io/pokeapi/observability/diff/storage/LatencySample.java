package io.pokeapi.observability.diff.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * One captured response's latency.
 *
 * @param runId the run
 * @param url the URL requested
 * @param method the HTTP method
 * @param capturedAt when the response was complete
 * @param endpoint the endpoint
 * @param resourceKey the resource key requested
 * @param status the HTTP status (0 without a response)
 * @param latencyMicros the latency in microseconds, or {@code null}
 * @param schemaScope the schema scope of the request (see {@code Capture.schemaScope})
 * @param document whether the response showed a document: a JSON body, or a 304 of a resource whose
 *     current body is known
 * @param sha256 the body the response showed (a 304: the body it confirmed), or {@code null}
 * @param resourceId the resource of that body, or {@code null}
 */
public record LatencySample(
    UUID runId,
    String url,
    String method,
    Instant capturedAt,
    String endpoint,
    String resourceKey,
    int status,
    Long latencyMicros,
    String schemaScope,
    boolean document,
    String sha256,
    String resourceId) {}
