package io.pokeapi.observability.load.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.load.config.LoadConfig;
import io.pokeapi.observability.load.distributed.Coordination;
import io.pokeapi.observability.load.distributed.KafkaCoordination;
import io.pokeapi.observability.load.engine.EngineSettings;
import io.pokeapi.observability.load.engine.LoadEngine;
import io.pokeapi.observability.load.messaging.KafkaSummaryPublisher;
import io.pokeapi.observability.load.metrics.LoadMeters;
import io.pokeapi.observability.load.profile.LoadPlan;
import io.pokeapi.observability.load.profile.LoadProfile;
import io.pokeapi.observability.load.profile.PoliteRateCap;
import io.pokeapi.observability.load.profile.ProfileValidator;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's load runs: resolves requests into plans and runs them on this replica's engine,
 * together with other replicas over Kafka when asked.
 */
@Startup
@ApplicationScoped
public class LoadRunService {

  private static final Logger LOG = Logger.getLogger(LoadRunService.class);

  private final LoadConfig config;
  private final LoadRequestResolver resolver;
  private final LoadEngine engine;
  private final KafkaSummaryPublisher publisher;
  private final Coordination coordination;
  private final LoadRunner runner;

  @Inject
  LoadRunService(
      LoadConfig config,
      MeterRegistry registry,
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      @ConfigProperty(name = "quarkus.application.name") String application) {
    this.config = config;
    this.resolver =
        new LoadRequestResolver(
            config.target().baseUrl(),
            new ProfileValidator(config.limits().maxDuration()),
            new PoliteRateCap(config.safety().protectedHosts(), config.safety().maxRate()));
    LoadMeters meters = new LoadMeters(registry);
    this.engine =
        LoadEngine.create(
            new EngineSettings(
                config.engine().eventLoops(),
                config.saturation().maxLoopDelay(),
                config.saturation().maxCpu(),
                config.saturation().maxSaturatedFraction()),
            meters);
    String replica = config.distributed().replicaId().orElseGet(LoadRunService::defaultReplicaId);
    this.publisher = new KafkaSummaryPublisher(kafka, application + "-summaries-" + replica);
    publisher.bindMetrics(registry);
    Coordination joined = null;
    if (config.distributed().enabled()) {
      try {
        joined =
            new KafkaCoordination(kafka, config.distributed().topic(), replica, EventJson.mapper());
      } catch (RuntimeException e) {
        LOG.warnf(
            "distributed load runs are off on this replica: cannot read %s (%s)",
            config.distributed().topic(), e.getMessage());
      }
    }
    this.coordination = joined;
    this.runner =
        new LoadRunner(
            new RunnerSettings(
                replica,
                config.distributed().joinTimeout(),
                config.distributed().startDelay(),
                config.distributed().resultTimeout(),
                config.api().recentRuns()),
            engine,
            meters,
            publisher,
            coordination);
    LOG.infof(
        "load-service replica %s ready (nativeTransport=%s)", replica, engine.nativeTransport());
  }

  /**
   * Starts a run from a request.
   *
   * @throws io.pokeapi.observability.load.profile.InvalidProfileException for a bad request
   * @throws RunAlreadyActiveException while another run is active here
   */
  public LoadRun start(
      String preset, LoadProfile profile, String baseUrl, Integer replicas, Boolean override) {
    LoadPlan plan = resolver.resolve(preset, profile, baseUrl, replicas, override);
    int wanted = replicas == null ? 1 : replicas;
    if (wanted > 1 && coordination == null) {
      throw new io.pokeapi.observability.load.profile.InvalidProfileException(
          "replicas",
          "distributed runs are off on this replica (load.distributed.enabled, or Kafka could not"
              + " be reached at start); use 1");
    }
    return runner.start(plan, wanted);
  }

  public Optional<LoadRun> get(UUID id) {
    return runner.get(id);
  }

  public List<LoadRun> recent(int limit) {
    return runner.recent(limit);
  }

  public LoadRun stop(LoadRun run) {
    return runner.stop(run);
  }

  /** This replica's id. */
  public String replica() {
    return runner.replica();
  }

  /** Whether the engine uses the native transport. */
  public boolean nativeTransport() {
    return engine.nativeTransport();
  }

  /** The base URL presets aim at. */
  public String defaultBaseUrl() {
    return config.target().baseUrl();
  }

  @PreDestroy
  void close() {
    runner.close();
    if (coordination != null) {
      coordination.close();
    }
    publisher.close();
    engine.close();
  }

  private static String defaultReplicaId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "load";
    }
    byte[] suffix = new byte[3];
    ThreadLocalRandom.current().nextBytes(suffix);
    return host + "-" + HexFormat.of().formatHex(suffix);
  }
}
