package io.pokeapi.observability.pokeapidouble.server;

import io.vertx.core.http.HttpHeaders;

/** Header names and values, encoded once ({@link HttpHeaders#createOptimized}). */
final class HeaderValues {

  static final CharSequence CONTENT_TYPE = HttpHeaders.CONTENT_TYPE;
  static final CharSequence CONTENT_LENGTH = HttpHeaders.CONTENT_LENGTH;
  static final CharSequence CONTENT_ENCODING = HttpHeaders.CONTENT_ENCODING;
  static final CharSequence CACHE_CONTROL = HttpHeaders.CACHE_CONTROL;
  static final CharSequence ETAG = HttpHeaders.ETAG;
  static final CharSequence VARY = HttpHeaders.VARY;
  static final CharSequence LOCATION = HttpHeaders.LOCATION;
  static final CharSequence RETRY_AFTER = HttpHeaders.RETRY_AFTER;
  static final CharSequence HOST = HttpHeaders.HOST;
  static final CharSequence ACCEPT_ENCODING = HttpHeaders.ACCEPT_ENCODING;
  static final CharSequence IF_NONE_MATCH = HttpHeaders.IF_NONE_MATCH;
  static final CharSequence REQUEST_CACHE_CONTROL = HttpHeaders.CACHE_CONTROL;
  static final CharSequence X_POKEAPI_HASH = HttpHeaders.createOptimized("X-PokeAPI-Hash");
  static final CharSequence X_POKEAPI_DEPLOY_DATE =
      HttpHeaders.createOptimized("X-PokeAPI-Deploy-Date");
  static final CharSequence ALLOW_ORIGIN = HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN;
  static final CharSequence EXPOSE_HEADERS = HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS;
  static final CharSequence ALLOW_METHODS = HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS;
  static final CharSequence ALLOW_HEADERS = HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS;
  static final CharSequence REQUEST_HEADERS = HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS;
  static final CharSequence CF_MITIGATED = HttpHeaders.createOptimized("cf-mitigated");
  static final CharSequence SERVER = HttpHeaders.SERVER;
  static final CharSequence CONTENT_SECURITY_POLICY =
      HttpHeaders.createOptimized("Content-Security-Policy");
  static final CharSequence X_CONTENT_TYPE_OPTIONS =
      HttpHeaders.createOptimized("X-Content-Type-Options");
  static final CharSequence X_FORWARDED_HOST = HttpHeaders.createOptimized("X-Forwarded-Host");
  static final CharSequence X_FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");

  static final CharSequence JSON = HttpHeaders.createOptimized("application/json; charset=utf-8");
  static final CharSequence TEXT = HttpHeaders.createOptimized("text/plain; charset=utf-8");
  static final CharSequence HTML = HttpHeaders.createOptimized("text/html; charset=utf-8");
  static final CharSequence CACHE_SUCCESS =
      HttpHeaders.createOptimized("public, max-age=86400, s-maxage=86400");
  static final CharSequence CACHE_FAILURE =
      HttpHeaders.createOptimized("public, max-age=432000, s-maxage=432000");
  static final CharSequence CACHE_CHALLENGE =
      HttpHeaders.createOptimized(
          "private, max-age=0, no-store, no-cache, must-revalidate, post-check=0, pre-check=0");
  static final CharSequence ANY_ORIGIN = HttpHeaders.createOptimized("*");
  static final CharSequence EXPOSED =
      HttpHeaders.createOptimized("X-PokeAPI-Hash,X-PokeAPI-Deploy-Date");
  static final CharSequence GET_HEAD = HttpHeaders.createOptimized("GET,HEAD");
  static final CharSequence ACCEPT_ENCODING_VALUE = HttpHeaders.createOptimized("Accept-Encoding");
  static final CharSequence REQUEST_HEADERS_VALUE =
      HttpHeaders.createOptimized("Access-Control-Request-Headers");
  static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
  static final CharSequence ZERO = HttpHeaders.createOptimized("0");
  static final CharSequence CHALLENGE_VALUE = HttpHeaders.createOptimized("challenge");
  static final CharSequence CLOUDFLARE = HttpHeaders.createOptimized("cloudflare");
  static final CharSequence CSP_NONE = HttpHeaders.createOptimized("default-src 'none'");
  static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");

  private HeaderValues() {}
}
