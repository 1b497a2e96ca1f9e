package io.pokeapi.observability.load.engine;

import io.netty.buffer.ByteBuf;
import io.pokeapi.observability.load.engine.http.HttpExchange;

/**
 * One request in flight, pooled per event loop and reused: sending a request allocates nothing
 * here. Lives on its loop's thread only.
 */
final class Exchange extends HttpExchange {

  private final LoopWorker worker;

  int endpoint;
  long intended;
  long acquired;
  int matched;
  boolean done;

  Exchange(LoopWorker worker) {
    this.worker = worker;
  }

  void reset(int endpoint, long intended, ByteBuf encoded) {
    this.endpoint = endpoint;
    this.intended = intended;
    this.acquired = 0;
    this.matched = 0;
    this.done = false;
    request(encoded);
  }

  @Override
  protected void onConnection(long nanoTime) {
    acquired = nanoTime;
  }

  @Override
  protected void onResponse(int status) {
    worker.complete(this, StatusSlots.of(status));
  }

  @Override
  protected void onFailure(boolean timeout) {
    worker.complete(this, timeout ? StatusSlots.TIMEOUT : StatusSlots.CONNECTION);
  }

  /** Knuth-Morris-Pratt over the streamed bytes: nothing is aggregated. */
  @Override
  public void body(ByteBuf buffer, int index, int length) {
    byte[] needle = worker.needle;
    if (needle == null) {
      return;
    }
    int[] fail = worker.needleFailure;
    int m = matched;
    if (m == needle.length) {
      return;
    }
    int end = index + length;
    for (int i = index; i < end; i++) {
      byte b = buffer.getByte(i);
      while (m > 0 && needle[m] != b) {
        m = fail[m - 1];
      }
      if (needle[m] == b) {
        m++;
        if (m == needle.length) {
          break;
        }
      }
    }
    matched = m;
  }

  boolean bodyMatched() {
    return worker.needle == null || matched == worker.needle.length;
  }
}
