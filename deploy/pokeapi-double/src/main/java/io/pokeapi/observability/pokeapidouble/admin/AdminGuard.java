package io.pokeapi.observability.pokeapidouble.admin;

import io.pokeapi.observability.pokeapidouble.server.AdminReach;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * What an admin request must show before it is served, so that neither a web page in the operator's
 * browser nor another machine can change the double:
 *
 * <ul>
 *   <li>On a loopback-only admin interface, the {@code Host} must name the loopback (a DNS name
 *       rebound to 127.0.0.1 does not pass).
 *   <li>No cross-origin request: a request whose {@code Origin} is not the double's own, or that a
 *       browser marks {@code Sec-Fetch-Site: cross-site}/{@code same-site}, is refused (the admin
 *       interface sends no CORS headers either, so preflights fail).
 *   <li>With a token configured, {@code Authorization: Bearer <token>} (compared in constant time).
 *   <li>A write (POST, PUT, PATCH, DELETE) with a body must send it as {@code application/json}:
 *       {@code text/plain}, forms and multipart, the bodies a page can send cross-origin without a
 *       preflight, get 415.
 * </ul>
 */
final class AdminGuard {

  /** Why a request is refused. */
  record Refusal(int status, String title, String detail) {}

  private final boolean loopbackOnly;
  private final byte[] token;

  AdminGuard(AdminReach reach, String token) {
    this.loopbackOnly = reach.loopbackOnly();
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether a token is required. */
  boolean tokenRequired() {
    return token != null;
  }

  /** The refusal of a request from its headers, or null when it may go on. */
  Refusal checkHeaders(HttpServerRequest request) {
    String host = request.getHeader("Host");
    if (loopbackOnly && host != null && !isLoopbackHost(hostPart(host))) {
      return new Refusal(
          403,
          "Forbidden",
          "the admin interface answers only requests addressed to the loopback host (Host: "
              + "127.0.0.1, localhost or [::1]), not '"
              + host
              + "'");
    }
    String origin = request.getHeader("Origin");
    if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host))) {
      return new Refusal(
          403, "Forbidden", "cross-origin admin requests are refused (Origin: " + origin + ")");
    }
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null
        && (fetchSite.equalsIgnoreCase("cross-site") || fetchSite.equalsIgnoreCase("same-site"))) {
      return new Refusal(
          403,
          "Forbidden",
          "cross-origin admin requests are refused (Sec-Fetch-Site: " + fetchSite + ")");
    }
    if (token != null && !tokenMatches(request.getHeader("Authorization"))) {
      return new Refusal(
          401,
          "Unauthorized",
          "the admin interface needs 'Authorization: Bearer <token>' (POKEAPI_DOUBLE_ADMIN_TOKEN)");
    }
    return null;
  }

  /** The refusal of a write whose body is not JSON, or null. */
  Refusal checkBody(HttpServerRequest request, Buffer body) {
    HttpMethod method = request.method();
    boolean write =
        method == HttpMethod.POST
            || method == HttpMethod.PUT
            || method == HttpMethod.PATCH
            || method == HttpMethod.DELETE;
    if (!write || body.length() == 0 || isJson(request.getHeader("Content-Type"))) {
      return null;
    }
    String type = request.getHeader("Content-Type");
    return new Refusal(
        415,
        "Unsupported Media Type",
        "the request body must be application/json, not "
            + (type == null ? "a body without Content-Type" : "'" + type + "'"));
  }

  private boolean tokenMatches(String authorization) {
    if (authorization == null || authorization.length() < 7) {
      return false;
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token);
  }

  /** Whether a Content-Type is JSON: {@code application/json} or {@code application/*+json}. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type =
        (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType)
            .strip()
            .toLowerCase(Locale.ROOT);
    return type.equals("application/json")
        || (type.startsWith("application/") && type.endsWith("+json"));
  }

  /** The host of a Host header value, without port and brackets. */
  static String hostPart(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      return close > 0 ? h.substring(1, close) : h;
    }
    int colon = h.indexOf(':');
    return colon >= 0 ? h.substring(0, colon) : h;
  }

  /** {@code localhost}, an address in 127.0.0.0/8 or {@code ::1}, written as literals. */
  static boolean isLoopbackHost(String host) {
    if (host.equals("localhost") || host.equals("localhost.") || host.equals("::1")) {
      return true;
    }
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return false;
      }
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }
}
