package io.pokeapi.observability.pokeapidouble.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.pokeapi.observability.pokeapidouble.DoubleConfig;
import io.pokeapi.observability.pokeapidouble.data.DataDirectoryLoader;
import io.pokeapi.observability.pokeapidouble.data.DataSet;
import io.pokeapi.observability.pokeapidouble.fault.FaultRules;
import io.pokeapi.observability.pokeapidouble.metrics.DoubleMetrics;
import io.pokeapi.observability.pokeapidouble.metrics.EndpointMeters;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state every event loop of a double shares: the current {@link Generation} (swapped on
 * reload), the fault rules and the metrics.
 */
public final class DoubleRuntime {

  private final DoubleConfig config;
  private final DoubleMetrics metrics = new DoubleMetrics();
  private final FaultRules faults;
  private final EndpointMeters rootMeters;
  private final EndpointMeters unknownMeters;
  private final AtomicInteger stalled = new AtomicInteger();
  private final Counter reloads;
  private volatile Generation generation;
  private volatile int port = -1;

  /** A runtime serving {@code data} (already loaded from {@code config.dataDir()}). */
  public DoubleRuntime(DoubleConfig config, DataSet data) {
    this.config = config;
    this.faults = new FaultRules(config.faultSeed());
    config.initialFaults().forEach(faults::add);
    this.rootMeters = metrics.endpoint(DoubleMetrics.ROOT);
    this.unknownMeters = metrics.endpoint(DoubleMetrics.UNKNOWN);
    this.generation = new Generation(data, config, metrics);
    this.reloads =
        Counter.builder("pokeapi.double.reloads")
            .description("Successful reloads of the data directory")
            .register(metrics.registry());
    Gauge.builder("pokeapi.double.data.resources", this, r -> r.data().resourceCount())
        .description("Resource files in the data set being served")
        .register(metrics.registry());
    Gauge.builder(
            "pokeapi.double.render.cache.bytes", this, r -> r.generation.renders().usedBytes())
        .description("Bytes of rendered bodies held in memory")
        .baseUnit("bytes")
        .register(metrics.registry());
    Gauge.builder("pokeapi.double.stalled.requests", stalled, AtomicInteger::get)
        .description("Requests currently held by a stall fault")
        .register(metrics.registry());
  }

  /** The configuration. */
  public DoubleConfig config() {
    return config;
  }

  /** The data set being served. */
  public DataSet data() {
    return generation.data();
  }

  /** The fault rules. */
  public FaultRules faults() {
    return faults;
  }

  /** The metrics. */
  public DoubleMetrics metrics() {
    return metrics;
  }

  /** The port the servers listen on, once they do. */
  public int port() {
    return port;
  }

  /** Bytes held by the current render caches. */
  public long renderCacheBytes() {
    return generation.renders().usedBytes();
  }

  /** Base URLs with a render cache in the current generation. */
  public int renderedBaseUrls() {
    return generation.renders().baseCount();
  }

  /**
   * Loads {@code dataDir} and serves it from the next request on; on failure the current data
   * stays. Blocking: call it off the event loops.
   */
  public synchronized DataSet reload(Path dataDir) {
    DataSet data = DataDirectoryLoader.load(dataDir);
    generation = new Generation(data, config, metrics);
    reloads.increment();
    return data;
  }

  void listening(int actualPort) {
    port = actualPort;
  }

  Generation generation() {
    return generation;
  }

  EndpointMeters rootMeters() {
    return rootMeters;
  }

  EndpointMeters unknownMeters() {
    return unknownMeters;
  }

  AtomicInteger stalled() {
    return stalled;
  }
}
