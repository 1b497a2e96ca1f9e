package io.pokeapi.observability.common.model;

/** A top-level PokéAPI resource: it has an id and a name. */
public sealed interface PokeApiResource permits Pokemon, PokemonSpecies, Ability, Type {

  /** The resource id. */
  Integer id();

  /** The resource name. */
  String name();
}
