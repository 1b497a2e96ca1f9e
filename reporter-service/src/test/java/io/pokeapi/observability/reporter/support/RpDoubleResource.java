package io.pokeapi.observability.reporter.support;

import io.pokeapi.observability.rpdouble.server.RpDoubleVerticle;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the ReportPortal double (deploy/reportportal-double) on a free port and points the
 * reporter at it with a test API key. Tests reach the double over HTTP through {@link RpDouble}.
 */
public class RpDoubleResource implements QuarkusTestResourceLifecycleManager {

  /** The project the double knows. */
  public static final String PROJECT = "pokeapi-tests";

  /** The API key the double accepts (and that must never appear in a log line). */
  public static final String API_KEY = "rp-test-key-7f3a9c1e2b4d";

  private Vertx vertx;

  @Override
  public Map<String, String> start() {
    try {
      vertx = Vertx.vertx();
      RpDoubleVerticle verticle =
          new RpDoubleVerticle(
              "127.0.0.1", 0, PROJECT, API_KEY, Files.createTempDirectory("rp-double-test"));
      vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().join();
      Map<String, String> config = new HashMap<>();
      config.put("reporter.rp.endpoint", "http://127.0.0.1:" + verticle.actualPort());
      config.put("reporter.rp.project", PROJECT);
      config.put("reporter.rp.api-key", API_KEY);
      config.put("reporter.rp.timeout", "3s");
      config.put("reporter.launch.env", "test");
      config.put("reporter.launch.target", "127.0.0.1");
      config.put("reporter.launch.release", "abc1234");
      config.put("reporter.delivery.settle-time", "20s");
      config.put("reporter.delivery.finish-grace", "2s");
      config.put("reporter.delivery.initial-backoff", "200ms");
      config.put("reporter.delivery.max-backoff", "1s");
      config.put(
          "reporter.load.report-url-template", "http://load.test/api/v1/load-runs/{runId}/report");
      return config;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void stop() {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }
}
