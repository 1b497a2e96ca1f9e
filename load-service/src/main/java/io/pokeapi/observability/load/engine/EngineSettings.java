package io.pokeapi.observability.load.engine;

import java.time.Duration;

/**
 * How the engine runs, from {@code load.engine.*} and {@code load.saturation.*}.
 *
 * @param eventLoops event loops of the generator (0: one per core)
 * @param maxLoopDelay a second whose worst event-loop delay exceeds this is saturated
 * @param maxCpu a second whose process CPU share of the machine exceeds this is saturated
 * @param maxSaturatedFraction a run with a larger share of saturated seconds is not valid
 */
public record EngineSettings(
    int eventLoops, Duration maxLoopDelay, double maxCpu, double maxSaturatedFraction) {

  /** The defaults of the README. */
  public static EngineSettings defaults() {
    return new EngineSettings(0, Duration.ofMillis(100), 0.95, 0.1);
  }

  /** The event loops to use on this machine. */
  public int resolvedEventLoops() {
    return eventLoops > 0 ? eventLoops : Math.max(1, Runtime.getRuntime().availableProcessors());
  }
}
