package io.pokeapi.observability.load.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** The OpenAPI description of the load API (Swagger UI at /q/swagger-ui). */
@OpenAPIDefinition(
    info =
        @Info(
            title = "pokeapi-observability load-service",
            version = "1.0",
            description =
                "Starts, follows and stops load runs and serves their reports. When load.api.token"
                    + " is set, POST and DELETE need it as a bearer token (or X-API-Token); errors"
                    + " are RFC 9457 problem details naming each invalid field."))
@SecuritySchemes(
    @SecurityScheme(
        securitySchemeName = "apiToken",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "The value of load.api.token"))
public class LoadApiDefinition extends Application {}
