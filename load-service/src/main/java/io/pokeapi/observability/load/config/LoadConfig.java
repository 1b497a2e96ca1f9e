package io.pokeapi.observability.load.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every setting of load-service ({@code load.*}); each can be set by environment variable. */
@ConfigMapping(prefix = "load")
public interface LoadConfig {

  Target target();

  Api api();

  Safety safety();

  Engine engine();

  Limits limits();

  Saturation saturation();

  Distributed distributed();

  Schedule schedule();

  /** Where presets and profiles without a base URL aim. */
  interface Target {
    @WithDefault("https://pokeapi.co/api/v2")
    String baseUrl();
  }

  /** The REST API. */
  interface Api {
    /** When set, POST and DELETE need it (LOAD_API_TOKEN). */
    Optional<String> token();

    /** Ended runs kept for GET and reports. */
    @WithDefault("50")
    int recentRuns();
  }

  /** The polite cap for protected public services. */
  interface Safety {
    @WithDefault("pokeapi.co")
    List<String> protectedHosts();

    /** Requests/s a profile aimed at a protected host may send without the override. */
    @WithDefault("5")
    double maxRate();
  }

  /** The generator. */
  interface Engine {
    /** Event loops; 0 takes one per core. */
    @WithDefault("0")
    int eventLoops();
  }

  /** Limits of accepted profiles. */
  interface Limits {
    @WithDefault("24h")
    Duration maxDuration();
  }

  /** When the generator counts as saturated. */
  interface Saturation {
    @WithDefault("100ms")
    Duration maxLoopDelay();

    @WithDefault("0.95")
    double maxCpu();

    @WithDefault("0.1")
    double maxSaturatedFraction();
  }

  /** Runs shared by several replicas. */
  interface Distributed {
    /** Whether this replica coordinates with others over Kafka. */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("pokeapi.load-coordination")
    String topic();

    /** This replica's id; default the host name and a random suffix. */
    Optional<String> replicaId();

    @WithDefault("5s")
    Duration joinTimeout();

    @WithDefault("2s")
    Duration startDelay();

    @WithDefault("60s")
    Duration resultTimeout();
  }

  /** The weekly run. */
  interface Schedule {
    /** Quartz cron (with seconds), or {@code off}. */
    @WithDefault("0 0 3 ? * SUN")
    String weekly();

    @WithDefault("original")
    String preset();

    /** Whether the weekly run may exceed the polite rate against a protected host. */
    @WithDefault("false")
    boolean overridePoliteRate();
  }
}
