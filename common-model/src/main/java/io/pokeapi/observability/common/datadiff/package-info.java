/**
 * The data side of the drift engine: the changed values between two versions of one resource, as an
 * RFC 6902 JSON Patch whose operations also carry the old value ({@link
 * io.pokeapi.observability.common.datadiff.DataDiff}, {@link
 * io.pokeapi.observability.common.datadiff.DataPatch}, {@link
 * io.pokeapi.observability.common.datadiff.DataChange}). Stateless and thread-safe.
 */
package io.pokeapi.observability.common.datadiff;
