package io.pokeapi.observability.reporter.rest;

import java.util.List;

/**
 * RFC 9457 problem details.
 *
 * @param invalidParams the parameters that were not valid, each named
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<InvalidParam> invalidParams) {

  /** The media type of problem details. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid parameter: its name and why. */
  public record InvalidParam(String name, String reason) {}
}
