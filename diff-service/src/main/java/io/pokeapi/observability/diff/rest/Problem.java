package io.pokeapi.observability.diff.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details document.
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param instance the request path
 * @param invalidParams the parameters that were not valid, if any
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<InvalidParam> invalidParams) {

  /** The media type of problem details. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * One invalid parameter.
   *
   * @param name the parameter
   * @param reason why it is not valid
   */
  public record InvalidParam(String name, String reason) {}
}
