package io.pokeapi.observability.diff.rest;

/** Something the request names does not exist; answered with 404 problem details. */
public class NotFoundProblem extends RuntimeException {

  public NotFoundProblem(String detail) {
    super(detail);
  }
}
