package io.pokeapi.observability.pokeapidouble.server;

import io.pokeapi.observability.pokeapidouble.render.RenderedBody;

/**
 * What the double answers to a request when no fault interferes.
 *
 * @param status the HTTP status
 * @param headers the fixed headers (ETag, Content-Length and Content-Encoding come from the body)
 * @param body the body, or null for none
 * @param notModified whether this is a 304 for {@code body} (its ETag is sent, its bytes are not)
 */
record Answer(int status, HeaderList headers, RenderedBody body, boolean notModified) {

  Answer(int status, HeaderList headers, RenderedBody body) {
    this(status, headers, body, false);
  }

  /** Whether bytes would be sent (a fault that alters bodies has something to alter). */
  boolean hasBody() {
    return body != null && !notModified;
  }
}
