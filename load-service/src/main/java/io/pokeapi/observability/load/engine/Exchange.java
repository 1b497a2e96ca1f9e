package io.pokeapi.observability.load.engine;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import java.util.concurrent.TimeoutException;

/**
 * One request in flight, pooled per event loop: its handlers are created once with the object, so
 * sending a request allocates nothing here. Lives on its loop's thread only.
 */
final class Exchange {

  private static final Handler<Buffer> DISCARD = chunk -> {};

  private final LoopWorker worker;
  final Handler<AsyncResult<HttpClientRequest>> onRequest = this::onRequest;
  private final Handler<AsyncResult<HttpClientResponse>> onResponse = this::onResponse;
  private final Handler<Buffer> onChunk = this::onChunk;
  private final Handler<Void> onEnd = this::onEnd;
  private final Handler<Throwable> onError = this::onError;

  int endpoint;
  long intended;
  long acquired;
  int status;
  int matched;
  boolean done;

  Exchange(LoopWorker worker) {
    this.worker = worker;
  }

  void reset(int endpoint, long intended) {
    this.endpoint = endpoint;
    this.intended = intended;
    this.acquired = 0;
    this.status = 0;
    this.matched = 0;
    this.done = false;
  }

  private void onRequest(AsyncResult<HttpClientRequest> result) {
    if (result.failed()) {
      worker.complete(this, slotOf(result.cause()));
      return;
    }
    acquired = System.nanoTime();
    HttpClientRequest request = result.result();
    request.response(onResponse);
    request.end();
  }

  private void onResponse(AsyncResult<HttpClientResponse> result) {
    if (result.failed()) {
      worker.complete(this, slotOf(result.cause()));
      return;
    }
    HttpClientResponse response = result.result();
    status = response.statusCode();
    response.exceptionHandler(onError);
    response.handler(worker.needle == null ? DISCARD : onChunk);
    response.endHandler(onEnd);
  }

  /** Knuth-Morris-Pratt over the streamed bytes: nothing is aggregated. */
  private void onChunk(Buffer chunk) {
    byte[] needle = worker.needle;
    int[] fail = worker.needleFailure;
    int m = matched;
    if (m == needle.length) {
      return;
    }
    int length = chunk.length();
    for (int i = 0; i < length; i++) {
      byte b = chunk.getByte(i);
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

  private void onEnd(Void ignored) {
    worker.complete(this, StatusSlots.of(status));
  }

  private void onError(Throwable error) {
    worker.complete(this, slotOf(error));
  }

  boolean bodyMatched() {
    return worker.needle == null || matched == worker.needle.length;
  }

  private static int slotOf(Throwable error) {
    return error instanceof TimeoutException ? StatusSlots.TIMEOUT : StatusSlots.CONNECTION;
  }
}
