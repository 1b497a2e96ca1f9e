package io.pokeapi.observability.diff.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list.
 *
 * @param items the items of the page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param hasNext whether a next page has items
 * @param <T> the item type
 */
@Schema(description = "One page of a list; ask for the next with page+1 while hasNext is true")
public record Page<T>(List<T> items, int page, int size, boolean hasNext) {

  /**
   * A page from the rows fetched with {@link PageRequest#fetchLimit()} (one more than the size,
   * which tells whether there is a next page).
   */
  public static <T> Page<T> of(List<T> fetched, PageRequest request) {
    boolean hasNext = fetched.size() > request.size();
    return new Page<>(
        hasNext ? List.copyOf(fetched.subList(0, request.size())) : List.copyOf(fetched),
        request.page(),
        request.size(),
        hasNext);
  }
}
