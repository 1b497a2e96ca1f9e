package io.pokeapi.observability.pokeapidouble.server;

import static io.pokeapi.observability.pokeapidouble.server.HeaderValues.*;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.pokeapi.observability.pokeapidouble.fault.FaultDecision;
import io.pokeapi.observability.pokeapidouble.fault.FaultRule;
import io.pokeapi.observability.pokeapidouble.metrics.EndpointMeters;
import io.pokeapi.observability.pokeapidouble.render.RenderedBody;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Carries out the faults that fired for a request: waits, then answers in the faulty way. */
final class FaultResponder {

  private static final byte[] MALFORMATION = "#!malformed!#".getBytes(StandardCharsets.US_ASCII);

  private final Vertx vertx;
  private final AtomicInteger stalled;

  FaultResponder(Vertx vertx, AtomicInteger stalled) {
    this.vertx = vertx;
    this.stalled = stalled;
  }

  void respond(
      HttpServerRequest request,
      Answer answer,
      FaultDecision decision,
      EndpointMeters meters,
      boolean head) {
    if (decision.latencyMs() > 0) {
      vertx.setTimer(
          decision.latencyMs(),
          timer -> finish(request, answer, decision.terminal(), meters, head));
    } else {
      finish(request, answer, decision.terminal(), meters, head);
    }
  }

  private void finish(
      HttpServerRequest request,
      Answer answer,
      FaultRule fault,
      EndpointMeters meters,
      boolean head) {
    if (request.response().closed()) {
      meters.unanswered();
      return;
    }
    if (fault == null) {
      AnswerWriter.send(request, answer, meters, head);
      return;
    }
    switch (fault.kind()) {
      case LATENCY -> AnswerWriter.send(request, answer, meters, head);
      case STALL -> stall(request, fault, meters);
      case HTTP_500 -> AnswerWriter.send(request, FixedAnswers.INTERNAL_SERVER_ERROR, meters, head);
      case HTTP_503 -> AnswerWriter.send(request, FixedAnswers.SERVICE_UNAVAILABLE, meters, head);
      case HTTP_429 -> {
        Answer tooMany = FixedAnswers.TOO_MANY_REQUESTS;
        HeaderList headers =
            tooMany.headers().plus(RETRY_AFTER, Integer.toString(fault.retryAfterSeconds()));
        AnswerWriter.send(request, new Answer(429, headers, tooMany.body()), meters, head);
      }
      case HTTP_403_CHALLENGE -> AnswerWriter.send(request, FixedAnswers.CHALLENGE, meters, head);
      case CONNECTION_RESET -> {
        meters.unanswered();
        reset(request.connection());
      }
      case MALFORMED_JSON ->
          AnswerWriter.send(request, withBody(answer, malformed(answer.body())), meters, head);
      case TRUNCATED_JSON -> {
        byte[] bytes = answer.body().bytes();
        byte[] half = Arrays.copyOf(bytes, bytes.length / 2);
        AnswerWriter.send(request, withBody(answer, answer.body().corrupted(half)), meters, head);
      }
      case TRUNCATED_TRANSFER -> {
        if (head) {
          AnswerWriter.send(request, answer, meters, true);
        } else {
          AnswerWriter.sendTruncated(request, answer, meters);
        }
      }
      case WRONG_CONTENT_TYPE -> {
        HeaderList headers =
            answer.headers().without(CONTENT_TYPE).plus(CONTENT_TYPE, fault.contentType());
        AnswerWriter.send(
            request, new Answer(answer.status(), headers, answer.body()), meters, head);
      }
      case OVERSIZED_BODY -> {
        long missing = Math.max(0, fault.sizeBytes() - answer.body().size());
        AnswerWriter.sendPadded(request, answer, missing, meters, head);
      }
    }
  }

  private void stall(HttpServerRequest request, FaultRule fault, EndpointMeters meters) {
    meters.unanswered();
    stalled.incrementAndGet();
    HttpConnection connection = request.connection();
    AtomicInteger once = new AtomicInteger();
    connection.closeHandler(
        closed -> {
          if (once.getAndIncrement() == 0) {
            stalled.decrementAndGet();
          }
        });
    if (fault.stallMs() > 0) {
      vertx.setTimer(fault.stallMs(), timer -> connection.close());
    }
  }

  /** Closes the TCP connection with a RST (SO_LINGER 0) instead of a FIN. */
  static void reset(HttpConnection connection) {
    if (connection instanceof ConnectionBase base) {
      Channel channel = base.channel();
      channel.config().setOption(ChannelOption.SO_LINGER, 0);
      channel.close();
    } else {
      connection.close();
    }
  }

  private static Answer withBody(Answer answer, RenderedBody body) {
    return new Answer(answer.status(), answer.headers(), body);
  }

  /**
   * The body with {@code #!malformed!#} inserted after its first byte (never valid JSON), under the
   * original ETag.
   */
  private static RenderedBody malformed(RenderedBody body) {
    byte[] bytes = body.bytes();
    byte[] broken = new byte[bytes.length + MALFORMATION.length];
    int head = Math.min(1, bytes.length);
    System.arraycopy(bytes, 0, broken, 0, head);
    System.arraycopy(MALFORMATION, 0, broken, head, MALFORMATION.length);
    System.arraycopy(bytes, head, broken, head + MALFORMATION.length, bytes.length - head);
    return body.corrupted(broken);
  }
}
