package io.pokeapi.observability.load.engine;

import io.pokeapi.observability.load.metrics.LoadMeters;
import io.pokeapi.observability.load.profile.LoadPlan;
import io.pokeapi.observability.load.profile.LoadProfile;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What the engine tests share: the engine they run on, a run to its end, a server started. */
public final class EngineTestSupport {

  /**
   * One event loop, a 2 s loop delay before a second counts as saturated, and a CPU bound no share
   * can exceed: a busy test machine never makes a test run invalid.
   */
  public static final EngineSettings SETTINGS =
      new EngineSettings(1, Duration.ofSeconds(2), 1.01, 0.1);

  private EngineTestSupport() {}

  /** An engine with the test {@link #SETTINGS}. */
  public static LoadEngine engine(LoadMeters meters) {
    return LoadEngine.create(SETTINGS, meters);
  }

  /** Runs {@code profile} on {@code engine} and waits (at most a minute) for its result. */
  public static ShareResult run(LoadEngine engine, LoadProfile profile) throws Exception {
    return engine
        .start(LoadPlan.of(profile), "test", System.currentTimeMillis())
        .result()
        .get(60, TimeUnit.SECONDS);
  }

  /** Waits (at most 30 s) for a Vert.x future, for example a server's {@code listen}. */
  public static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
