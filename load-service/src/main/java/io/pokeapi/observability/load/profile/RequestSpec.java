package io.pokeapi.observability.load.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One weighted entry of a profile's request mix.
 *
 * @param path appended to the base URL, starting with {@code /}, may hold {@code {id}}
 * @param weight how often it is picked relative to the others (default 1)
 * @param idRange the ids for {@code {id}}, both ends included
 * @param ids the ids (or names) for {@code {id}}
 * @param endpoint the metrics label (default: the path's first segment)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestSpec(
    String path, Integer weight, IdRange idRange, List<String> ids, String endpoint) {

  /** A path without ids, weight 1. */
  public static RequestSpec of(String path) {
    return new RequestSpec(path, 1, null, null, null);
  }

  /** A path with {@code {id}} over a range. */
  public static RequestSpec ofRange(String path, int weight, long from, long to) {
    return new RequestSpec(path, weight, new IdRange(from, to), null, null);
  }
}
