package io.pokeapi.observability.diff.ingest;

/**
 * One body of one resource: the unit that is stored once.
 *
 * @param resource the resource
 * @param sha256 the body's SHA-256
 */
public record ContentKey(ResourceRef resource, String sha256) {}
