package io.pokeapi.observability.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * The services' API token rule: when a token is configured, every mutating call (POST, PUT, PATCH,
 * DELETE) must carry it as {@code Authorization: Bearer <token>} or {@code X-API-Token: <token>};
 * reads stay open. The comparison takes constant time. Each service turns a refusal into its own
 * 401 problem details.
 */
public final class ApiTokenRule {

  /** The header that may carry the token instead of {@code Authorization}. */
  public static final String TOKEN_HEADER = "X-API-Token";

  private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final Optional<byte[]> token;

  private ApiTokenRule(Optional<byte[]> token) {
    this.token = token;
  }

  /** The rule for a configured token; none, or a blank one, lets every call through. */
  public static ApiTokenRule of(Optional<String> configured) {
    return new ApiTokenRule(
        configured.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Why a call is refused, or empty when it may go on.
   *
   * @param method the HTTP method
   * @param tokenHeader the {@value #TOKEN_HEADER} header, or null
   * @param authorization the {@code Authorization} header, or null
   */
  public Optional<String> refusal(String method, String tokenHeader, String authorization) {
    if (token.isEmpty() || !MUTATING.contains(method)) {
      return Optional.empty();
    }
    String presented = presented(tokenHeader, authorization);
    if (presented == null) {
      return Optional.of(
          "this call needs the API token (Authorization: Bearer <token> or " + TOKEN_HEADER + ")");
    }
    if (MessageDigest.isEqual(token.get(), presented.getBytes(StandardCharsets.UTF_8))) {
      return Optional.empty();
    }
    return Optional.of("the API token is wrong");
  }

  private static String presented(String tokenHeader, String authorization) {
    if (tokenHeader != null && !tokenHeader.isBlank()) {
      return tokenHeader.trim();
    }
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).trim();
    }
    return null;
  }
}
