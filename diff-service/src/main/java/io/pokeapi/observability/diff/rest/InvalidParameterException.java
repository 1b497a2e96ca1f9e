package io.pokeapi.observability.diff.rest;

/** A request parameter that is not valid; answered with 400 problem details. */
public class InvalidParameterException extends RuntimeException {

  private final String parameter;

  public InvalidParameterException(String parameter, String reason) {
    super(reason);
    this.parameter = parameter;
  }

  /** The parameter's name. */
  public String parameter() {
    return parameter;
  }
}
