package io.pokeapi.observability.common.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A reference to a resource that has no name (an evolution chain): {@code {"url": ...}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiResource(
    @NotNull
        @Pattern(regexp = ModelPatterns.RESOURCE_URL, message = ModelPatterns.RESOURCE_URL_MESSAGE)
        String url) {}
