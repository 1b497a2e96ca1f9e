package io.pokeapi.observability.diff.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The OpenAPI description of the diff service's read API ({@code /q/openapi}). */
@OpenAPIDefinition(
    info =
        @Info(
            title = "pokeapi-observability diff service",
            version = "1",
            description =
                "History and verdicts of the PokéAPI: inferred JSON Schemas per endpoint and their"
                    + " changes, data changes per resource as JSON Patch, release linking and edge"
                    + " inconsistencies, latency baselines and regressions. Lists are paged"
                    + " (page from 0, size 1 to 200); bad parameters get RFC 9457 problem"
                    + " details."))
public class DiffApiDefinition extends Application {}
