package io.pokeapi.observability.load.profile;

import java.util.List;

/**
 * What makes an answer pass.
 *
 * @param status the statuses that pass; {@code null} or empty: any 2xx or 3xx
 * @param bodyContains a text every body must contain, matched while the body streams
 */
public record Checks(List<Integer> status, String bodyContains) {}
