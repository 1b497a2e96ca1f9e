package io.pokeapi.observability.load.engine.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * The HTTP/1.1 connections of one event loop to one target: at most {@code maxConnections}, opened
 * when requests wait and none is idle, reused while the server keeps them alive, reopened when it
 * closes them. Requests wait in order for a connection. Timeouts need no timer per request: the
 * owner calls {@link #expire} every few milliseconds and it fails what waited or went unanswered
 * too long (an unanswered request's connection is closed). Everything runs on the pool's event
 * loop.
 */
public final class HttpPool {

  private final EventLoop loop;
  private final InetSocketAddress address;
  private final String host;
  private final int port;
  private final int maxConnections;
  private final long timeoutNanos;
  private final Bootstrap bootstrap;
  private final SslContext ssl;
  private final ArrayDeque<HttpConnection> idle = new ArrayDeque<>();
  private final ArrayDeque<HttpExchange> waiting = new ArrayDeque<>();
  private final List<HttpConnection> connections = new ArrayList<>();
  private int opening;
  private boolean closing;
  private long connects;

  /**
   * @param loop the event loop every connection and callback runs on
   * @param channels the transport's socket channels (native epoll when Vert.x uses it)
   * @param host the target host (an IPv6 literal may be in brackets); resolved once, here
   * @param port the target port
   * @param tls whether to speak TLS (the JVM's trust store, host name verified, SNI)
   * @param maxConnections most connections at once
   * @param timeoutMillis connect timeout, most time waiting for a connection, and most time without
   *     a byte of the answer
   */
  public HttpPool(
      EventLoop loop,
      ChannelFactory<? extends Channel> channels,
      String host,
      int port,
      boolean tls,
      int maxConnections,
      long timeoutMillis) {
    this.loop = loop;
    this.host =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    this.port = port;
    this.address = new InetSocketAddress(this.host, port);
    this.maxConnections = Math.max(1, maxConnections);
    this.timeoutNanos = Math.max(1, timeoutMillis) * 1_000_000L;
    try {
      this.ssl = tls ? SslContextBuilder.forClient().build() : null;
    } catch (SSLException e) {
      throw new IllegalStateException("TLS client context: " + e.getMessage(), e);
    }
    HttpPool pool = this;
    this.bootstrap =
        new Bootstrap()
            .group(loop)
            .channelFactory(channels)
            .resolver(NoopAddressResolverGroup.INSTANCE)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeoutMillis)))
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel channel) {
                    if (ssl != null) {
                      SslHandler handler = ssl.newHandler(channel.alloc(), pool.host, pool.port);
                      SSLEngine engine = handler.engine();
                      SSLParameters parameters = engine.getSSLParameters();
                      parameters.setEndpointIdentificationAlgorithm("HTTPS");
                      engine.setSSLParameters(parameters);
                      channel.pipeline().addLast(handler);
                    }
                    channel.pipeline().addLast(new HttpConnection(pool));
                  }
                });
  }

  /**
   * Sends on an idle connection, or queues the exchange until one is free (opening one if allowed).
   */
  public void send(HttpExchange exchange) {
    HttpConnection connection = idle.pollLast();
    long now = System.nanoTime();
    if (connection != null) {
      connection.send(exchange, now);
      return;
    }
    exchange.queuedAt = now;
    waiting.addLast(exchange);
    if (connections.size() + opening < maxConnections && opening < waiting.size() && !closing) {
      connect();
    }
  }

  private void connect() {
    opening++;
    connects++;
    ChannelFuture future = bootstrap.connect(address);
    future.addListener(
        done -> {
          opening--;
          if (!done.isSuccess()) {
            connectFailed();
          }
        });
  }

  private void connectFailed() {
    // the request that asked for this connection fails as the connection did
    HttpExchange failed = waiting.pollFirst();
    if (failed != null) {
      failed.onFailure(false);
    }
    openForWaiting();
  }

  private void openForWaiting() {
    while (!closing && waiting.size() > opening && connections.size() + opening < maxConnections) {
      connect();
    }
  }

  void connected(HttpConnection connection) {
    connections.add(connection);
    if (closing) {
      connection.close();
      return;
    }
    released(connection);
  }

  /** The connection is free: the oldest waiting exchange takes it, or it idles. */
  void released(HttpConnection connection) {
    HttpExchange next = waiting.pollFirst();
    if (next != null) {
      connection.send(next, System.nanoTime());
    } else {
      idle.addLast(connection);
    }
  }

  void closed(HttpConnection connection) {
    if (connections.remove(connection)) {
      idle.remove(connection);
    }
    openForWaiting();
  }

  /**
   * Fails what has waited for a connection, or for a byte of its answer, longer than the timeout.
   */
  public void expire(long now) {
    while (!waiting.isEmpty() && now - waiting.peekFirst().queuedAt >= timeoutNanos) {
      waiting.pollFirst().onFailure(true);
    }
    for (int i = connections.size() - 1; i >= 0; i--) {
      if (i >= connections.size()) {
        continue;
      }
      HttpConnection connection = connections.get(i);
      if (connection.exchange != null && now - connection.lastActivity >= timeoutNanos) {
        connection.timeOut();
      }
    }
  }

  /** Closes every connection; what is in flight fails as a connection failure. */
  public void close() {
    closing = true;
    for (HttpConnection connection : new ArrayList<>(connections)) {
      connection.close();
    }
    while (!waiting.isEmpty()) {
      waiting.pollFirst().onFailure(false);
    }
  }

  /** Connections open now. */
  public int openConnections() {
    return connections.size();
  }

  /** Connections opened so far (reconnects included). */
  public long connectsSoFar() {
    return connects;
  }

  /** Exchanges waiting for a connection. */
  public int waitingExchanges() {
    return waiting.size();
  }

  /** The event loop of this pool. */
  public EventLoop loop() {
    return loop;
  }

  String address() {
    return host + ":" + port;
  }
}
