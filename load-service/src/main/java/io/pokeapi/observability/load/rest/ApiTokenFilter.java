package io.pokeapi.observability.load.rest;

import io.pokeapi.observability.common.security.ApiTokenRule;
import io.pokeapi.observability.load.config.LoadConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * When {@code load.api.token} is set, every mutating call (POST, PUT, PATCH, DELETE) must carry it
 * as {@code Authorization: Bearer <token>} or {@code X-API-Token: <token>}; otherwise it gets 401
 * with problem details and nothing starts. Reads stay open ({@link ApiTokenRule}).
 */
public class ApiTokenFilter {

  /** The header that may carry the token instead of {@code Authorization}. */
  public static final String TOKEN_HEADER = ApiTokenRule.TOKEN_HEADER;

  private final ApiTokenRule rule;

  public ApiTokenFilter(LoadConfig config) {
    this.rule = ApiTokenRule.of(config.api().token());
  }

  @ServerRequestFilter(preMatching = true)
  public Optional<Response> requireToken(ContainerRequestContext request) {
    return rule.refusal(
            request.getMethod(),
            request.getHeaderString(TOKEN_HEADER),
            request.getHeaderString(HttpHeaders.AUTHORIZATION))
        .map(
            detail ->
                Response.fromResponse(
                        new Problem(
                                Problem.type("unauthorized"),
                                "Unauthorized",
                                401,
                                detail,
                                request.getUriInfo().getPath(),
                                List.of())
                            .toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .build());
  }
}
