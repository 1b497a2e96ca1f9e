package io.pokeapi.observability.diff.rest;

import io.pokeapi.observability.common.problem.InputErrors;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers every error of the REST API with RFC 9457 problem details. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
  private static final String TYPE_BASE = "https://pokeapi-observability.io/problems/";

  @ServerExceptionMapper
  public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
    return problem(
        400,
        "invalid-parameter",
        "Invalid request parameter",
        e.getMessage(),
        uri,
        List.of(new Problem.InvalidParam(e.parameter(), e.getMessage())));
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
    List<Problem.InvalidParam> params =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.InvalidParam(InputErrors.field(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.InvalidParam::name))
            .toList();
    return problem(
        400,
        "invalid-parameter",
        "Invalid request parameter",
        params.stream()
            .map(p -> p.name() + " " + p.reason())
            .reduce((a, b) -> a + "; " + b)
            .orElse("the request is not valid"),
        uri,
        params);
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundProblem e, UriInfo uri) {
    return problem(404, "not-found", "Not found", e.getMessage(), uri, List.of());
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    String reason =
        Response.Status.fromStatusCode(status) == null
            ? "HTTP " + status
            : Response.Status.fromStatusCode(status).getReasonPhrase();
    // the framework's messages name its own types (RESTEASY..., java.lang...): not shown
    String detail =
        switch (status) {
          case 404 -> "No such resource or path";
          case 405 -> "The method is not allowed on this path";
          case 406 -> "This API answers application/json (errors application/problem+json)";
          case 415 -> "The request body's media type is not accepted";
          default -> reason;
        };
    return problem(status, "http-" + status, reason, detail, uri, List.of());
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e, UriInfo uri) {
    LOG.errorf(e, "Request %s failed", uri.getPath());
    return problem(
        500,
        "internal-error",
        "Internal error",
        "The request could not be answered; the error is in the service's log",
        uri,
        List.of());
  }

  private static Response problem(
      int status,
      String type,
      String title,
      String detail,
      UriInfo uri,
      List<Problem.InvalidParam> params) {
    return Response.status(status)
        .type(Problem.MEDIA_TYPE)
        .entity(new Problem(TYPE_BASE + type, title, status, detail, uri.getPath(), params))
        .build();
  }

  /** The query parameter of a violation: the last node of its property path. */
}
