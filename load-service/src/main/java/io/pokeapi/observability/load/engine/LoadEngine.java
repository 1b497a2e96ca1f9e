package io.pokeapi.observability.load.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.pokeapi.observability.load.engine.http.HttpExchange;
import io.pokeapi.observability.load.engine.http.HttpPool;
import io.pokeapi.observability.load.engine.http.RequestTemplate;
import io.pokeapi.observability.load.metrics.LoadMeters;
import io.pokeapi.observability.load.profile.LoadPlan;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The load generator of one replica: its own Vert.x instance (event loops on the native epoll
 * transport when available, apart from the REST server's) and the sampler thread of its runs.
 */
public final class LoadEngine implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LoadEngine.class);

  private final Vertx vertx;
  private final EngineSettings settings;
  private final LoadMeters meters;
  private final ScheduledExecutorService sampler;

  private LoadEngine(Vertx vertx, EngineSettings settings, LoadMeters meters) {
    this.vertx = vertx;
    this.settings = settings;
    this.meters = meters;
    this.sampler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "load-sampler");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts the engine's event loops. */
  public static LoadEngine create(EngineSettings settings, LoadMeters meters) {
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(settings.resolvedEventLoops())
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setPreferNativeTransport(true)
                .setFileSystemOptions(
                    new FileSystemOptions()
                        .setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
    LOG.infof(
        "load engine: %d event loop(s), nativeTransport=%s",
        settings.resolvedEventLoops(), vertx.isNativeTransportEnabled());
    warmUp(vertx);
    return new LoadEngine(vertx, settings, meters);
  }

  /**
   * Sends a few requests to a throwaway loopback server before any run, so that the first run does
   * not measure the loading of the HTTP client's classes.
   */
  private static void warmUp(Vertx vertx) {
    HttpServer server = null;
    try {
      server =
          vertx
              .createHttpServer()
              .requestHandler(request -> request.response().end("{\"warm\":true}"))
              .listen(0, "127.0.0.1")
              .toCompletionStage()
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      int port = server.actualPort();
      ContextInternal context = ((VertxInternal) vertx).createEventLoopContext();
      CompletableFuture<Void> done = new CompletableFuture<>();
      context.runOnContext(
          v -> {
            HttpPool pool =
                new HttpPool(
                    context.nettyEventLoop(),
                    ((VertxInternal) vertx).transport().channelFactory(false),
                    "127.0.0.1",
                    port,
                    false,
                    1,
                    10_000);
            ByteBuf request =
                RequestTemplate.encode(
                    PooledByteBufAllocator.DEFAULT, "127.0.0.1", port, false, "/warm-up", Map.of());
            done.whenComplete(
                (ok, error) ->
                    context.runOnContext(
                        w -> {
                          pool.close();
                          request.release();
                        }));
            new WarmUpExchange(pool, request, 20, done).next();
          });
      done.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debugf(e, "warming up the load engine");
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /** Sends its request a number of times, one after the other. */
  private static final class WarmUpExchange extends HttpExchange {
    private final HttpPool pool;
    private final CompletableFuture<Void> done;
    private int left;

    WarmUpExchange(HttpPool pool, ByteBuf request, int times, CompletableFuture<Void> done) {
      this.pool = pool;
      this.done = done;
      this.left = times;
      request(request);
    }

    void next() {
      if (left-- == 0) {
        done.complete(null);
      } else {
        pool.send(this);
      }
    }

    @Override
    protected void onConnection(long nanoTime) {}

    @Override
    protected void onResponse(int status) {
      next();
    }

    @Override
    protected void onFailure(boolean timeout) {
      done.completeExceptionally(new IllegalStateException("warm-up request failed"));
    }
  }

  /**
   * Starts a share of a run.
   *
   * @param plan the share to run
   * @param replica this replica's id
   * @param startEpochMillis when to start (wall clock; now or earlier starts at once)
   */
  public EngineRun start(LoadPlan plan, String replica, long startEpochMillis) {
    return new EngineRun(vertx, sampler, plan, replica, settings, meters, startEpochMillis);
  }

  /** Whether the event loops run on the native transport. */
  public boolean nativeTransport() {
    return vertx.isNativeTransportEnabled();
  }

  /** The engine's settings. */
  public EngineSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    sampler.shutdownNow();
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debugf(e, "closing the load engine");
    }
  }
}
