package io.pokeapi.observability.pokeapidouble.live;

import java.util.Locale;

/**
 * One page of a list as the live function computes it (PokeAPI/deploy, {@code paramsOrDefault},
 * {@code getNextPage}, {@code getPreviousPage}, {@code getPageUrl}), in JavaScript double
 * arithmetic: a missing, zero or non-numeric {@code limit} is 20, such an {@code offset} is 0,
 * there is no maximum, and negative or huge values behave as {@code Array.prototype.slice} makes
 * them.
 *
 * @param offset the offset, a JavaScript number (may be negative, huge or infinite)
 * @param limit the limit, a JavaScript number (never 0 or NaN)
 */
public record PageRequest(double offset, double limit) {

  /** The default page size of pokeapi.co. */
  public static final double DEFAULT_LIMIT = 20;

  /** The page the raw {@code offset} and {@code limit} query values (null when absent) ask for. */
  public static PageRequest fromQuery(String offset, String limit) {
    return new PageRequest(
        JsNumbers.parseIntOr(offset, 0), JsNumbers.parseIntOr(limit, DEFAULT_LIMIT));
  }

  /** The first index of {@code results.slice(offset, offset + limit)} in a list of {@code size}. */
  public int sliceStart(int size) {
    return relativeIndex(offset, size);
  }

  /** The index after the last one of {@code results.slice(offset, offset + limit)}. */
  public int sliceEnd(int size) {
    return Math.max(relativeIndex(offset + limit, size), sliceStart(size));
  }

  /** The page {@code next} points at, or null at the end ({@code getNextPage}). */
  public PageRequest next(double count) {
    double begin = offset + limit;
    double end = offset + limit * 2;
    if (end > count) {
      end = count;
    }
    return end > offset + limit ? new PageRequest(begin, end - begin) : null;
  }

  /** The page {@code previous} points at, or null at the start ({@code getPreviousPage}). */
  public PageRequest previous() {
    double begin = offset - limit;
    double end = offset;
    if (begin < 0) {
      begin = 0;
    }
    return begin < offset ? new PageRequest(begin, end - begin) : null;
  }

  /** {@code getPageUrl}: base URL, the request path lower-cased, then offset and limit. */
  public String url(String baseUrl, String rawPath) {
    return baseUrl
        + rawPath.toLowerCase(Locale.ROOT)
        + "?offset="
        + JsNumbers.toJsString(offset)
        + "&limit="
        + JsNumbers.toJsString(limit);
  }

  /** {@code Array.prototype.slice}'s handling of one relative index. */
  private static int relativeIndex(double index, int size) {
    if (Double.isNaN(index)) {
      return 0;
    }
    double integer = index < 0 ? Math.ceil(index) : Math.floor(index);
    if (integer < 0) {
      return (int) Math.max(size + integer, 0);
    }
    return (int) Math.min(integer, size);
  }
}
