package io.pokeapi.observability.load.profile;

/**
 * One invalid field of a request, named as the client wrote it ({@code profile.stages[1].target}).
 */
public record FieldViolation(String field, String message) {}
