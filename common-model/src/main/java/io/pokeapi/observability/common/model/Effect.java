package io.pokeapi.observability.common.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** An effect text in one language. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Effect(@NotNull String effect, @NotNull @Valid NamedApiResource language) {}
