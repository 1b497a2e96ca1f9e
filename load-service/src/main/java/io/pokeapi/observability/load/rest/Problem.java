package io.pokeapi.observability.load.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details, sent as {@code application/problem+json}.
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param instance the request path
 * @param errors for invalid input: each field at fault and why
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    URI type, String title, int status, String detail, String instance, List<FieldProblem> errors) {

  /** The media type of problem details. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid field. */
  @Schema(name = "FieldProblem")
  public record FieldProblem(
      @Schema(description = "The field, e.g. profile.stages[1].target or preset") String field,
      String message) {}

  /** The response carrying this problem. */
  public Response toResponse() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
  }

  static URI type(String slug) {
    return URI.create("urn:pokeapi-observability:problem:" + slug);
  }
}
