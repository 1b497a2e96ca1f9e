package io.pokeapi.observability.pokeapidouble.server;

import static io.pokeapi.observability.pokeapidouble.server.HeaderValues.*;

import io.pokeapi.observability.pokeapidouble.metrics.EndpointMeters;
import io.pokeapi.observability.pokeapidouble.render.RenderedBody;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Arrays;

/**
 * Writes answers: fixed headers, then the body's pre-encoded ETag and Content-Length, then the
 * shared body buffer (or its gzip variant when the client accepts gzip and the body is large
 * enough). Counts every answer by status.
 */
final class AnswerWriter {

  private AnswerWriter() {}

  static void send(HttpServerRequest request, Answer answer, EndpointMeters meters, boolean head) {
    HttpServerResponse response = request.response();
    meters.answered(answer.status());
    response.setStatusCode(answer.status());
    MultiMap headers = response.headers();
    answer.headers().addTo(headers);
    RenderedBody body = answer.body();
    if (body == null) {
      headers.add(CONTENT_LENGTH, ZERO);
      response.end();
      return;
    }
    CharSequence etag = body.etag();
    if (etag != null) {
      headers.add(ETAG, etag);
    }
    if (answer.notModified()) {
      response.end();
      return;
    }
    if (!head
        && body.compressible()
        && AcceptEncoding.allowsGzip(request.headers().get(ACCEPT_ENCODING))) {
      RenderedBody.Compressed gzip = body.gzip();
      headers.add(CONTENT_ENCODING, GZIP);
      headers.add(CONTENT_LENGTH, gzip.contentLength());
      response.end(gzip.body());
      return;
    }
    headers.add(CONTENT_LENGTH, body.contentLength());
    if (head) {
      response.end();
    } else {
      response.end(body.identity());
    }
  }

  /**
   * Spaces an oversized-body fault pads with: one shared chunk written as many times as needed, so
   * padding holds no memory per size or per request (a buffer per padding size, kept for ever, grew
   * the heap by up to 16 MiB per distinct body size).
   */
  private static final Buffer PADDING_CHUNK = spaces(64 * 1024);

  /**
   * The answer's headers and body followed by {@code paddingBytes} spaces (an oversized-body
   * fault), written from {@link #PADDING_CHUNK}.
   */
  static void sendPadded(
      HttpServerRequest request,
      Answer answer,
      long paddingBytes,
      EndpointMeters meters,
      boolean head) {
    HttpServerResponse response = request.response();
    meters.answered(answer.status());
    response.setStatusCode(answer.status());
    MultiMap headers = response.headers();
    answer.headers().addTo(headers);
    RenderedBody body = answer.body();
    if (body.etag() != null) {
      headers.add(ETAG, body.etag());
    }
    headers.add(CONTENT_LENGTH, Long.toString(body.size() + paddingBytes));
    if (head) {
      response.end();
      return;
    }
    response.write(body.identity());
    int chunk = PADDING_CHUNK.length();
    long left = paddingBytes;
    while (left > chunk) {
      response.write(PADDING_CHUNK);
      left -= chunk;
    }
    response.end(PADDING_CHUNK.slice(0, (int) left));
  }

  private static Buffer spaces(int size) {
    byte[] spaces = new byte[size];
    Arrays.fill(spaces, (byte) ' ');
    return Buffer.buffer(spaces);
  }

  /**
   * The answer's headers with its full Content-Length, the first half of its body, then the
   * connection closes (a truncated-transfer fault).
   */
  static void sendTruncated(HttpServerRequest request, Answer answer, EndpointMeters meters) {
    HttpServerResponse response = request.response();
    meters.answered(answer.status());
    response.setStatusCode(answer.status());
    MultiMap headers = response.headers();
    answer.headers().addTo(headers);
    RenderedBody body = answer.body();
    if (body.etag() != null) {
      headers.add(ETAG, body.etag());
    }
    headers.add(CONTENT_LENGTH, body.contentLength());
    Buffer half = body.identity().slice(0, body.size() / 2);
    response.write(half).onComplete(done -> request.connection().close());
  }
}
