package io.pokeapi.observability.probe.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** The OpenAPI description of the probe's API (Swagger UI in dev mode). */
@OpenAPIDefinition(
    info =
        @Info(
            title = "pokeapi-observability probe",
            version = "1.0",
            description =
                "Starts and follows probe runs against PokéAPI. When probe.api.token is set, POST"
                    + " and DELETE need it as a bearer token (or X-API-Token); errors are RFC 9457"
                    + " problem details."))
@SecuritySchemes(
    @SecurityScheme(
        securitySchemeName = "apiToken",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "The value of probe.api.token"))
public class ProbeApiDefinition extends Application {}
