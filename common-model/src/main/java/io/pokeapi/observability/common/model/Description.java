package io.pokeapi.observability.common.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** A description in one language. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Description(@NotNull String description, @NotNull @Valid NamedApiResource language) {}
