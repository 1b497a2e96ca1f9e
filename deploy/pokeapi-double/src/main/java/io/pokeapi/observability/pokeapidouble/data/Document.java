package io.pokeapi.observability.pokeapidouble.data;

/**
 * One JSON document of the data directory that the double can serve: a resource ({@code
 * api/v2/<endpoint>/<id>/}), its encounters, an endpoint's index file or the root index. The {@code
 * slot} indexes the per-base-URL render caches.
 *
 * @param slot a number unique within its {@link DataSet}, from 0
 * @param source the stored file
 */
public record Document(int slot, SourceFile source) {}
