package io.pokeapi.observability.pokeapidouble.server;

import static io.pokeapi.observability.pokeapidouble.server.HeaderValues.*;

import io.pokeapi.observability.pokeapidouble.render.RenderedBody;
import io.vertx.core.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * The answers that do not depend on the data, shaped like the live stack's: Express {@code
 * sendStatus} bodies (text/plain with an ETag), the 404 page Express's final handler writes for
 * paths no route matches, the CORS preflight, the Firebase redirect of {@code /api/v1}, and the
 * pages faults send (a Cloudflare challenge, 429, 500, 503).
 */
final class FixedAnswers {

  static final RenderedBody EMPTY_ARRAY = RenderedBody.of(bytes("[]"));

  static final Answer NOT_FOUND =
      new Answer(
          404,
          HeaderList.of(CONTENT_TYPE, TEXT, CACHE_CONTROL, CACHE_FAILURE)
              .plus(ALLOW_ORIGIN, ANY_ORIGIN, EXPOSE_HEADERS, EXPOSED, VARY, ACCEPT_ENCODING_VALUE),
          RenderedBody.of(bytes("Not Found")));

  static final Answer BAD_REQUEST = status(400, "Bad Request");
  static final Answer INTERNAL_SERVER_ERROR = status(500, "Internal Server Error");
  static final Answer SERVICE_UNAVAILABLE = status(503, "Service Unavailable");
  static final Answer TOO_MANY_REQUESTS = status(429, "Too Many Requests");

  /** Outside {@code /api/}: pokeapi.co's static site, which has no such page. */
  static final Answer OUTSIDE_API =
      new Answer(404, HeaderList.of(CONTENT_TYPE, TEXT), RenderedBody.untagged(bytes("Not Found")));

  static final Answer CHALLENGE =
      new Answer(
          403,
          HeaderList.of(
              CONTENT_TYPE,
              HttpHeaders.createOptimized("text/html; charset=UTF-8"),
              CACHE_CONTROL,
              CACHE_CHALLENGE,
              CF_MITIGATED,
              CHALLENGE_VALUE,
              SERVER,
              CLOUDFLARE),
          RenderedBody.untagged(
              bytes(
                  "<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title>"
                      + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">"
                      + "</head><body><noscript>Enable JavaScript and cookies to continue"
                      + "</noscript></body></html>")));

  private FixedAnswers() {}

  /** Express {@code res.sendStatus(status)}. */
  private static Answer status(int status, String text) {
    return new Answer(
        status,
        HeaderList.of(CONTENT_TYPE, TEXT)
            .plus(ALLOW_ORIGIN, ANY_ORIGIN, EXPOSE_HEADERS, EXPOSED, VARY, ACCEPT_ENCODING_VALUE),
        RenderedBody.of(bytes(text)));
  }

  /** The 404 page Express's final handler writes when no route matches. */
  static Answer noRoute(String method, String rawPath) {
    String message = "Cannot " + method + " " + escapeHtml(encodeUrl(rawPath));
    String page =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<title>Error</title>\n</head>\n<body>\n<pre>"
            + message
            + "</pre>\n</body>\n</html>\n";
    return new Answer(
        404,
        HeaderList.of(
                CONTENT_SECURITY_POLICY,
                CSP_NONE,
                X_CONTENT_TYPE_OPTIONS,
                NOSNIFF,
                CONTENT_TYPE,
                HTML)
            .plus(ALLOW_ORIGIN, ANY_ORIGIN, EXPOSE_HEADERS, EXPOSED, VARY, ACCEPT_ENCODING_VALUE),
        RenderedBody.untagged(bytes(page)));
  }

  /** The CORS middleware's answer to a preflight request. */
  static Answer preflight(String requestedHeaders) {
    HeaderList headers = HeaderList.of(ALLOW_ORIGIN, ANY_ORIGIN, ALLOW_METHODS, GET_HEAD);
    if (requestedHeaders != null) {
      headers = headers.plus(ALLOW_HEADERS, requestedHeaders, VARY, REQUEST_HEADERS_VALUE);
    }
    return new Answer(204, headers, null);
  }

  /** Firebase Hosting's {@code /api/v1/:splat*} to {@code /api/v2/:splat} redirect. */
  static Answer redirect(String location) {
    return new Answer(301, HeaderList.of(LOCATION, location), null);
  }

  /** {@code encodeurl}: percent-encodes what may not appear in a URL, keeping valid escapes. */
  static String encodeUrl(String path) {
    StringBuilder out = new StringBuilder(path.length() + 16);
    byte[] utf8 = path.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      int b = utf8[i] & 0xff;
      if (b == '%'
          && i + 2 < utf8.length
          && PercentDecoding.hexValue(utf8[i + 1]) >= 0
          && PercentDecoding.hexValue(utf8[i + 2]) >= 0) {
        out.append('%');
      } else if (b < 0x80 && isUrlSafe((char) b)) {
        out.append((char) b);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return out.toString();
  }

  private static boolean isUrlSafe(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$&'()*+,-./:;=?@[]_~".indexOf(c) >= 0;
  }

  static String escapeHtml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
