package io.pokeapi.observability.pokeapidouble.render;

/** A stored file that turned out not to be JSON when it was first served. */
public class RenderException extends RuntimeException {

  RenderException(String message, Throwable cause) {
    super(message, cause);
  }
}
