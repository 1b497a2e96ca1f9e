package io.pokeapi.observability.load.engine;

import io.pokeapi.observability.load.metrics.LoadMeters;
import io.pokeapi.observability.load.profile.LoadPlan;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
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
    return new LoadEngine(vertx, settings, meters);
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
