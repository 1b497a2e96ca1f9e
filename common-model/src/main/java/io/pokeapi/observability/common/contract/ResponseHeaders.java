package io.pokeapi.observability.common.contract;

import java.util.function.Function;

/**
 * The response headers that tell a QA engineer which release and which cache answered. Values are
 * kept exactly as received (a malformed {@code Age} is itself a finding); any may be {@code null}
 * when the header was absent.
 *
 * @param contentType {@code Content-Type}
 * @param etag {@code ETag} (PokéAPI sends weak ones: {@code W/"..."})
 * @param cacheControl {@code Cache-Control}
 * @param age {@code Age}: seconds the edge has held the answer
 * @param pokeapiHash {@code X-PokeAPI-Hash}: the PokeAPI commit of the served data
 * @param pokeapiDeployDate {@code X-PokeAPI-Deploy-Date}
 * @param cfCacheStatus {@code cf-cache-status}: Cloudflare's HIT, MISS, EXPIRED...
 */
public record ResponseHeaders(
    String contentType,
    String etag,
    String cacheControl,
    String age,
    String pokeapiHash,
    String pokeapiDeployDate,
    String cfCacheStatus) {

  /** No headers at all (for example when the connection failed). */
  public static final ResponseHeaders NONE =
      new ResponseHeaders(null, null, null, null, null, null, null);

  /**
   * Picks the selected headers through a lookup by header name, such as Vert.x's {@code
   * MultiMap::get} or {@code HttpHeaders.firstValue(..).orElse(null)}. The lookup is called with
   * the canonical names ({@code ETag}, {@code X-PokeAPI-Hash}, ...) and must be case-insensitive,
   * as HTTP header names are.
   */
  public static ResponseHeaders from(Function<String, String> lookup) {
    return new ResponseHeaders(
        lookup.apply("Content-Type"),
        lookup.apply("ETag"),
        lookup.apply("Cache-Control"),
        lookup.apply("Age"),
        lookup.apply("X-PokeAPI-Hash"),
        lookup.apply("X-PokeAPI-Deploy-Date"),
        lookup.apply("cf-cache-status"));
  }
}
