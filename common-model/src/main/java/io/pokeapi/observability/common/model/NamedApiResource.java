package io.pokeapi.observability.common.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A reference to another resource by name and URL: {@code {"name": "static", "url": ...}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NamedApiResource(
    @NotNull
        @Pattern(
            regexp = ModelPatterns.REFERENCE_NAME,
            message = ModelPatterns.REFERENCE_NAME_MESSAGE)
        String name,
    @NotNull
        @Pattern(regexp = ModelPatterns.RESOURCE_URL, message = ModelPatterns.RESOURCE_URL_MESSAGE)
        String url) {}
