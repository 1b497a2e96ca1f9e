package io.pokeapi.observability.pokeapidouble;

import io.pokeapi.observability.pokeapidouble.admin.AdminHandler;
import io.pokeapi.observability.pokeapidouble.data.DataDirectoryLoader;
import io.pokeapi.observability.pokeapidouble.data.DataSet;
import io.pokeapi.observability.pokeapidouble.fault.FaultRules;
import io.pokeapi.observability.pokeapidouble.metrics.DoubleMetrics;
import io.pokeapi.observability.pokeapidouble.server.DoubleRuntime;
import io.pokeapi.observability.pokeapidouble.server.DoubleVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running PokéAPI double: an HTTP server answering {@code /api/v2/...} from a data directory as
 * pokeapi.co does, with faults to inject, data to reload and metrics to read. Start one per test
 * (port 0) or per environment, and close it when done:
 *
 * <pre>{@code
 * try (PokeApiDouble pokeApi = PokeApiDouble.start(DoubleConfig.builder(dataDir).port(0).build())) {
 *   pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.HTTP_503).withRate(0.2));
 *   String base = pokeApi.baseUrl(); // http://127.0.0.1:PORT
 *   ...
 *   long injected = pokeApi.metrics().faultsInjected(FaultKind.HTTP_503);
 * }
 * }</pre>
 */
public final class PokeApiDouble implements AutoCloseable {

  private static final long START_TIMEOUT_SECONDS = 60;

  private final Vertx vertx;
  private final DoubleRuntime runtime;

  private PokeApiDouble(Vertx vertx, DoubleRuntime runtime) {
    this.vertx = vertx;
    this.runtime = runtime;
  }

  /**
   * Loads the data directory, starts the servers and returns once they listen.
   *
   * @throws io.pokeapi.observability.pokeapidouble.data.InvalidDataDirectoryException when the
   *     directory is not in the api-data layout
   * @throws IllegalStateException when the servers cannot start (port in use...)
   */
  public static PokeApiDouble start(DoubleConfig config) {
    DataSet data = DataDirectoryLoader.load(config.dataDir());
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(config.eventLoops())
                .setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(2)
                .setPreferNativeTransport(true)
                .setFileSystemOptions(
                    new FileSystemOptions()
                        .setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
    DoubleRuntime runtime = new DoubleRuntime(config, data);
    int port = config.port() == 0 && config.eventLoops() > 1 ? -1 : config.port();
    try {
      vertx
          .deployVerticle(
              () ->
                  new DoubleVerticle(
                      runtime,
                      port,
                      config.adminEnabled() ? v -> new AdminHandler(runtime, v) : null),
              new DeploymentOptions().setInstances(config.eventLoops()))
          .toCompletionStage()
          .toCompletableFuture()
          .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      vertx.close();
      throw new IllegalStateException("interrupted while starting the PokéAPI double", e);
    } catch (ExecutionException | TimeoutException e) {
      vertx.close();
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException(
          "cannot start the PokéAPI double on "
              + config.host()
              + ":"
              + config.port()
              + ": "
              + cause.getMessage(),
          cause);
    }
    return new PokeApiDouble(vertx, runtime);
  }

  /** The port the double listens on. */
  public int port() {
    return runtime.port();
  }

  /**
   * The URL to reach it from this machine, e.g. {@code http://127.0.0.1:41234} (the loopback
   * address when listening on all interfaces), without a trailing slash.
   */
  public String baseUrl() {
    String host = runtime.config().host();
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      host = "127.0.0.1";
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port();
  }

  /** Whether the servers run on the native (epoll) transport rather than NIO. */
  public boolean nativeTransport() {
    return vertx.isNativeTransportEnabled();
  }

  /** The configuration it was started with. */
  public DoubleConfig config() {
    return runtime.config();
  }

  /** The data set being served. */
  public DataSet data() {
    return runtime.data();
  }

  /** Reloads the current data directory (to pick up edited files). Blocks until done. */
  public DataSet reload() {
    return runtime.reload(runtime.data().dataDir());
  }

  /** Switches to another data directory. Blocks until done; on failure the old data stays. */
  public DataSet reload(Path dataDir) {
    return runtime.reload(dataDir);
  }

  /** The fault rules, to add, replace or clear faults while it runs. */
  public FaultRules faults() {
    return runtime.faults();
  }

  /** The request and fault counters. */
  public DoubleMetrics metrics() {
    return runtime.metrics();
  }

  /** Stops the servers (open connections, stalled ones included, are closed). */
  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the PokéAPI double did not stop cleanly", e);
    }
  }
}
