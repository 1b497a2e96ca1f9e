package io.pokeapi.observability.pokeapidouble;

/**
 * What {@code /api/v2/pokemon/<id>/encounters} answers for a pokemon that exists when the data
 * directory has no {@code encounters} file for it (the shared data set leaves all 1,351 out).
 */
public enum MissingEncounters {
  /**
   * 200 with {@code []}, like a pokemon without wild encounters: the status and shape the live API
   * gives for every existing pokemon, so probes see no false outage (the default).
   */
  EMPTY_LIST,
  /** 404 {@code Not Found}: the data set simply has no such file. */
  NOT_FOUND
}
