package io.pokeapi.observability.diff.storage;

/**
 * Where the schema of a scope stands.
 *
 * @param scope the schema scope ({@code pokemon}, {@code pokemon:list}, ...)
 * @param currentVersion the version documents are checked against
 * @param sweepVersion the version the last full sweep settled (the baseline at first)
 */
public record SchemaHead(String scope, int currentVersion, int sweepVersion) {}
