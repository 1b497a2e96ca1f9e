package io.pokeapi.observability.load.profile;

/** Ids {@code from} to {@code to}, both included. */
public record IdRange(Long from, Long to) {}
