package io.pokeapi.observability.load.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.jboss.logging.Logger;

/**
 * One HTTP/1.1 connection of an {@link HttpPool}: at most one exchange at a time (no pipelining),
 * the response parsed as it streams, the read buffers released at once.
 */
final class HttpConnection extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = Logger.getLogger(HttpConnection.class);

  private final HttpPool pool;
  private final ResponseParser parser = new ResponseParser();
  private ChannelHandlerContext ctx;
  Channel channel;
  HttpExchange exchange;
  long lastActivity;
  boolean active;
  boolean closed;

  HttpConnection(HttpPool pool) {
    this.pool = pool;
  }

  /** Writes the exchange's request; the connection is idle and active. */
  void send(HttpExchange next, long now) {
    exchange = next;
    lastActivity = now;
    parser.reset();
    next.onConnection(now);
    ctx.writeAndFlush(next.request.retainedDuplicate(), ctx.voidPromise());
  }

  /** The exchange in flight had no answer in time: it fails and the connection closes. */
  void timeOut() {
    HttpExchange timedOut = exchange;
    exchange = null;
    close();
    if (timedOut != null) {
      timedOut.onFailure(true);
    }
  }

  void close() {
    if (channel != null) {
      channel.close();
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    this.ctx = context;
    this.channel = context.channel();
  }

  @Override
  public void channelActive(ChannelHandlerContext context) {
    active = true;
    pool.connected(this);
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object msg) {
    ByteBuf buffer = (ByteBuf) msg;
    try {
      if (closed) {
        return;
      }
      HttpExchange current = exchange;
      if (current == null) {
        // nothing asked: the server must not speak
        close();
        return;
      }
      lastActivity = System.nanoTime();
      ResponseParser.Result result = parser.parse(buffer, current);
      if (result == ResponseParser.Result.MORE) {
        return;
      }
      exchange = null;
      if (result == ResponseParser.Result.MALFORMED) {
        close();
        current.onFailure(false);
        return;
      }
      // read before the connection goes back: a waiting request may take it (and reset the parser)
      int status = parser.status();
      if (parser.keepAlive() && !buffer.isReadable()) {
        pool.released(this);
      } else {
        close();
      }
      current.onResponse(status);
    } finally {
      buffer.release();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) {
    closed = true;
    HttpExchange current = exchange;
    exchange = null;
    pool.closed(this);
    if (current != null) {
      if (parser.completesOnClose()) {
        current.onResponse(parser.status());
      } else {
        current.onFailure(false);
      }
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    if (cause instanceof java.io.IOException) {
      LOG.debugf(cause, "load connection to %s failed", pool.address());
    } else {
      LOG.warnf(cause, "load connection to %s: unexpected failure, closing it", pool.address());
    }
    close();
  }
}
