package io.pokeapi.observability.pokeapidouble.server;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Function;

/**
 * One HTTP server on one event loop. A double deploys one instance per event loop, all on the same
 * port; Vert.x spreads connections over them.
 */
public final class DoubleVerticle extends AbstractVerticle {

  private final DoubleRuntime runtime;
  private final int port;
  private final Function<Vertx, Handler<HttpServerRequest>> adminFactory;

  /**
   * A server for {@code runtime} on {@code port} (negative: a random port shared by every
   * instance), with {@code /_admin/} served by what {@code adminFactory} makes, or 404 when it is
   * null.
   */
  public DoubleVerticle(
      DoubleRuntime runtime, int port, Function<Vertx, Handler<HttpServerRequest>> adminFactory) {
    this.runtime = runtime;
    this.port = port;
    this.adminFactory = adminFactory;
  }

  @Override
  public void start(Promise<Void> started) {
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(runtime.config().host())
            .setPort(port)
            .setMaxInitialLineLength(runtime.config().maxRequestLineBytes())
            .setMaxHeaderSize(32 * 1024)
            .setCompressionSupported(false)
            .setDecompressionSupported(false)
            .setTcpNoDelay(true)
            .setTcpFastOpen(true)
            .setTcpQuickAck(true)
            .setHandle100ContinueAutomatically(true);
    Handler<HttpServerRequest> admin = adminFactory == null ? null : adminFactory.apply(vertx);
    vertx
        .createHttpServer(options)
        .requestHandler(new ApiHandler(runtime, vertx, admin))
        .listen()
        .onSuccess(
            server -> {
              runtime.listening(server.actualPort());
              started.complete();
            })
        .onFailure(started::fail);
  }
}
