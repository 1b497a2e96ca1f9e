/**
 * Validated models of the PokéAPI resources a QA engineer checks ({@link
 * io.pokeapi.observability.common.model.Pokemon}, {@link
 * io.pokeapi.observability.common.model.PokemonSpecies}, {@link
 * io.pokeapi.observability.common.model.Ability}, {@link
 * io.pokeapi.observability.common.model.Type}) and the {@link
 * io.pokeapi.observability.common.model.ModelValidator} that maps a raw body onto them and reports
 * every field-level problem with its JSON Pointer.
 *
 * <p>Modelling rules, taken from PokéAPI's published JSON Schemas ({@code schema/v2}) and checked
 * against every resource of the data set:
 *
 * <ul>
 *   <li>Fields are snake_case in JSON, camelCase in Java. Fields not modelled are allowed and
 *       ignored: new fields are the drift engine's business, not a validation failure.
 *   <li>A field the schema requires and never allows null is {@code @NotNull}. A field that may be
 *       null (for example {@code base_experience}, {@code sprites.front_default}, {@code habitat})
 *       may also be absent: key presence is checked by the schema conformance of the drift engine.
 *   <li>Numbers carry the ranges the games define (a stat is 1-255, an effort 0-3, a pokemon has
 *       one or two types), not the ranges seen today: ids only need to be positive, so a new
 *       pokemon 1026 validates.
 *   <li>Numbers, booleans and strings are never coerced: {@code "25"} is not an integer.
 * </ul>
 */
package io.pokeapi.observability.common.model;
