package io.pokeapi.observability.probe.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.pokeapi.observability.probe.run.RunAlreadyActiveException;
import io.pokeapi.observability.probe.run.RunAlreadyFinishedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error of the API into RFC 9457 problem details ({@code application/problem+json}):
 * invalid input becomes 400 with {@code errors} naming each field at fault.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
  private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']{1,64})'");

  @ServerExceptionMapper
  public Response invalid(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldProblem> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldProblem(fieldOf(v), v.getMessage()))
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
    String field = "body";
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      field =
          mapping.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
    }
    String original = String.valueOf(e.getOriginalMessage());
    Matcher duplicate = DUPLICATE_FIELD.matcher(original);
    boolean duplicated = duplicate.find();
    if (duplicated) {
      field = duplicate.group(1);
    }
    String message = sayWhy(e, original, duplicated);
    return new Problem(
            Problem.type("validation"),
            "Invalid input",
            400,
            field + " " + message,
            uri.getPath(),
            List.of(new Problem.FieldProblem(field, message)))
        .toResponse();
  }

  /**
   * Why the body could not be read, in the client's terms: Jackson's own messages name Java types
   * ({@code java.util.ArrayList}), which tell a client nothing and leak internals.
   */
  static String sayWhy(JsonProcessingException e, String original, boolean duplicateField) {
    if (duplicateField) {
      return "is given more than once";
    }
    if (e instanceof UnrecognizedPropertyException) {
      return "is not a known field";
    }
    if (original.startsWith("Trailing token")) {
      return "has content after the JSON value";
    }
    if (e instanceof MismatchedInputException mismatched) {
      Class<?> target = mismatched.getTargetType();
      if (target == null) {
        return "has the wrong type";
      }
      if (target == String.class) {
        return "must be a string";
      }
      if (target == Integer.class || target == int.class || target == Long.class) {
        return "must be an integer";
      }
      if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
        return "must be an array";
      }
      if (target.isRecord()) {
        return "must be a JSON object";
      }
      return "has the wrong type";
    }
    JsonLocation where = e.getLocation();
    return "is not valid JSON"
        + (where == null
            ? ""
            : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")");
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

  /**
   * The field a violation is about, as the client wrote it: {@code suite}, {@code resources[0]},
   * {@code limit}; the method and body parameter names are left out.
   */
  static String fieldOf(ConstraintViolation<?> violation) {
    StringBuilder field = new StringBuilder();
    String parameter = null;
    for (Path.Node node : violation.getPropertyPath()) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
        continue;
      }
      if (kind == ElementKind.PARAMETER) {
        parameter = node.getName();
        continue;
      }
      if (kind == ElementKind.CONTAINER_ELEMENT) {
        if (node.getIndex() != null) {
          field.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
          field.append('[').append(node.getKey()).append(']');
        }
        continue;
      }
      if (node.getIndex() != null && field.length() > 0) {
        field.append('[').append(node.getIndex()).append(']');
      }
      if (node.getName() != null) {
        if (field.length() > 0) {
          field.append('.');
        }
        field.append(node.getName());
      }
    }
    if (field.length() == 0) {
      return parameter == null ? "body" : parameter.equals("body") ? "body" : parameter;
    }
    return field.toString();
  }
}
