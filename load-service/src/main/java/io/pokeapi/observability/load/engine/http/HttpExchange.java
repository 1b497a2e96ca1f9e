package io.pokeapi.observability.load.engine.http;

import io.netty.buffer.ByteBuf;

/**
 * One request and what became of it, as an {@link HttpPool} drives it. Subclasses are pooled by
 * their user and reused: the pool keeps no reference to an exchange after its last callback. Every
 * callback runs on the pool's event loop, exactly one of {@link #onResponse} and {@link #onFailure}
 * per send.
 */
public abstract class HttpExchange implements ResponseParser.BodyListener {

  /** The encoded request to write (a {@link RequestTemplate}); not consumed by sending. */
  protected ByteBuf request;

  /** When it was queued for a connection (pool use). */
  long queuedAt;

  /** Sets the encoded request that the next send writes. */
  public final void request(ByteBuf encoded) {
    this.request = encoded;
  }

  /** A connection was acquired and the request is being written. */
  protected abstract void onConnection(long nanoTime);

  /** The response ended with this status. */
  protected abstract void onResponse(int status);

  /**
   * The exchange failed: timed out (no connection, or no answer within the timeout) or the
   * connection failed (refused, reset, closed early, malformed response).
   */
  protected abstract void onFailure(boolean timeout);

  /** A slice of the response body as it streams (valid during the call only). */
  @Override
  public void body(ByteBuf buffer, int index, int length) {}
}
