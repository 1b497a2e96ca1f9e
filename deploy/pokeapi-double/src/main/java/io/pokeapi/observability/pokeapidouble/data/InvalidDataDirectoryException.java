package io.pokeapi.observability.pokeapidouble.data;

/** A data directory that cannot be served: missing {@code api/v2}, unreadable or broken index. */
public class InvalidDataDirectoryException extends RuntimeException {

  /** With a message saying what is wrong with which path. */
  public InvalidDataDirectoryException(String message) {
    super(message);
  }

  /** With a message and the underlying cause. */
  public InvalidDataDirectoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
