package io.pokeapi.observability.reporter.rest;

import io.pokeapi.observability.common.problem.InputErrors;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns invalid parameters into 400 problem+json responses that name each field. */
public class ProblemMappers {

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
    List<Problem.InvalidParam> params =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.InvalidParam(InputErrors.field(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.InvalidParam::name))
            .toList();
    String detail =
        params.stream()
            .map(p -> p.name() + " " + p.reason())
            .reduce((a, b) -> a + "; " + b)
            .orElse("invalid request");
    Problem problem =
        new Problem(
            "https://pokeapi-observability.io/problems/invalid-parameter",
            "Invalid request parameter",
            400,
            detail,
            uri.getPath(),
            params);
    return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}
