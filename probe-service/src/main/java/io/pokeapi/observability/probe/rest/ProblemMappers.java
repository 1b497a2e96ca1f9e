package io.pokeapi.observability.probe.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.pokeapi.observability.common.problem.InputErrors;
import io.pokeapi.observability.probe.run.RunAlreadyActiveException;
import io.pokeapi.observability.probe.run.RunAlreadyFinishedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error of the API into RFC 9457 problem details ({@code application/problem+json}):
 * invalid input becomes 400 with {@code errors} naming each field at fault.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response invalid(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldProblem> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldProblem(InputErrors.field(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldProblem::field))
            .toList();
    return new Problem(
            Problem.type("validation"),
            "Invalid input",
            400,
            errors.stream()
                .map(f -> f.field() + " " + f.message())
                .collect(Collectors.joining("; ")),
            uri.getPath(),
            errors)
        .toResponse();
  }

  @ServerExceptionMapper
  public Response mismatched(MismatchedInputException e, UriInfo uri) {
    return unreadable(e, uri);
  }

  @ServerExceptionMapper
  public Response unreadable(JsonProcessingException e, UriInfo uri) {
    InputErrors.FieldError error = InputErrors.unreadable(e);
    return new Problem(
            Problem.type("validation"),
            "Invalid input",
            400,
            error.detail(),
            uri.getPath(),
            List.of(new Problem.FieldProblem(error.field(), error.message())))
        .toResponse();
  }

  @ServerExceptionMapper
  public Response overlapping(RunAlreadyActiveException e, UriInfo uri) {
    return new Problem(
            Problem.type("run-already-active"),
            "A run of this suite is still going",
            409,
            e.getMessage(),
            uri.getPath(),
            List.of())
        .toResponse();
  }

  @ServerExceptionMapper
  public Response finished(RunAlreadyFinishedException e, UriInfo uri) {
    return new Problem(
            Problem.type("run-already-finished"),
            "The run has already ended",
            409,
            e.getMessage(),
            uri.getPath(),
            List.of())
        .toResponse();
  }

  @ServerExceptionMapper
  public Response http(WebApplicationException e, UriInfo uri) {
    if (e.getResponse().getEntity() instanceof Problem) {
      return e.getResponse();
    }
    int status = e.getResponse().getStatus();
    if (status == 400 && e.getCause() instanceof JsonProcessingException unreadable) {
      return unreadable(unreadable, uri);
    }
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "HTTP " + status : known.getReasonPhrase();
    return new Problem(
            Problem.type(title.toLowerCase(Locale.ROOT).replace(' ', '-')),
            title,
            status,
            e.getMessage(),
            uri.getPath(),
            List.of())
        .toResponse();
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e, UriInfo uri) {
    LOG.errorf(e, "Request %s failed", uri.getPath());
    return new Problem(
            Problem.type("internal-error"),
            "Internal Server Error",
            500,
            "the probe failed to handle the request; see its log",
            uri.getPath(),
            List.of())
        .toResponse();
  }
}
