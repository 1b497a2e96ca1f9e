package io.pokeapi.observability.rpdouble.model;

/**
 * An item or launch attribute ({@code ItemAttributesRQ}): the key may be absent, never the value.
 */
public record Attribute(String key, String value, boolean system) {}
