package io.pokeapi.observability.common.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A resource's name in one language. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Name(@NotBlank String name, @NotNull @Valid NamedApiResource language) {}
