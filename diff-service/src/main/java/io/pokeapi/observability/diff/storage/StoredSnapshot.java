package io.pokeapi.observability.diff.storage;

/**
 * The outcome of storing one body.
 *
 * @param id the snapshot id
 * @param inserted whether the body was stored now ({@code false}: it was already there)
 */
public record StoredSnapshot(long id, boolean inserted) {}
