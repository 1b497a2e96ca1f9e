package io.pokeapi.observability.load.rest;

import io.pokeapi.observability.load.config.LoadConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * When {@code load.api.token} (the probe's rule) is set, every mutating call (POST, PUT, PATCH,
 * DELETE) must carry it as {@code Authorization: Bearer <token>} or {@code X-API-Token: <token>};
 * otherwise it gets 401 with problem details and nothing starts. Reads stay open. The comparison
 * takes constant time.
 */
public class ApiTokenFilter {

  /** The header that may carry the token instead of {@code Authorization}. */
  public static final String TOKEN_HEADER = "X-API-Token";

  private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final Optional<byte[]> token;

  public ApiTokenFilter(LoadConfig config) {
    this.token =
        config.api().token().filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
  }

  @ServerRequestFilter(preMatching = true)
  public Optional<Response> requireToken(ContainerRequestContext request) {
    if (token.isEmpty() || !MUTATING.contains(request.getMethod())) {
      return Optional.empty();
    }
    String presented = presented(request);
    if (presented != null
        && MessageDigest.isEqual(token.get(), presented.getBytes(StandardCharsets.UTF_8))) {
      return Optional.empty();
    }
    Response problem =
        new Problem(
                Problem.type("unauthorized"),
                "Unauthorized",
                401,
                presented == null
                    ? "this call needs the API token (Authorization: Bearer <token> or "
                        + TOKEN_HEADER
                        + ")"
                    : "the API token is wrong",
                request.getUriInfo().getPath(),
                List.of())
            .toResponse();
    return Optional.of(
        Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
  }

  private static String presented(ContainerRequestContext request) {
    String header = request.getHeaderString(TOKEN_HEADER);
    if (header != null && !header.isBlank()) {
      return header.trim();
    }
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).trim();
    }
    return null;
  }
}
