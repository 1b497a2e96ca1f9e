package bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * Closed model for the throughput benchmark: {@code bench.connections} virtual users, each on its
 * own keep-alive connection, loop GET {@code bench.url} as fast as the answers come for {@code
 * bench.warmup} seconds (requests named {@code warmup}), then a fresh set of users does the same for
 * {@code bench.duration} seconds (requests named {@code measured}). The script counts only the
 * {@code measured} requests, so the JIT warm-up of this JVM is not part of the figure.
 */
public class ThroughputSimulation extends Simulation {

  private static final String URL = System.getProperty("bench.url");
  private static final int CONNECTIONS = Integer.getInteger("bench.connections", 64);
  private static final int DURATION = Integer.getInteger("bench.duration", 10);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 5);

  private final HttpProtocolBuilder protocol = http.warmUp(URL).disableCaching();

  private static ScenarioBuilder loop(String name, int seconds) {
    return scenario(name)
        .during(Duration.ofSeconds(seconds), "i", false)
        .on(http(name).get(URL));
  }

  {
    setUp(
            loop("warmup", WARMUP)
                .injectClosed(constantConcurrentUsers(CONNECTIONS).during(WARMUP))
                .andThen(
                    loop("measured", DURATION)
                        .injectClosed(constantConcurrentUsers(CONNECTIONS).during(DURATION))))
        .protocols(protocol);
  }
}
