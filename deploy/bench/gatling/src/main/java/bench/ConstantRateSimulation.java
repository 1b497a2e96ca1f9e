package bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * Open model for the coordinated-omission benchmark: {@code bench.rate} new virtual users a second
 * for {@code bench.duration} seconds, each sending one GET {@code bench.url} (Gatling's own way to
 * express a constant arrival rate; each user opens its own connection, as Gatling's open model
 * does by default). {@code bench.shareConnections=true} makes the users share one pool instead.
 */
public class ConstantRateSimulation extends Simulation {

  private static final String URL = System.getProperty("bench.url");
  private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "1000"));
  private static final int DURATION = Integer.getInteger("bench.duration", 60);

  {
    HttpProtocolBuilder protocol = http.warmUp(URL).disableCaching();
    if (Boolean.getBoolean("bench.shareConnections")) {
      protocol = protocol.shareConnections();
    }
    setUp(
            scenario("constant-rate")
                .exec(http("request").get(URL))
                .injectOpen(constantUsersPerSec(RATE).during(Duration.ofSeconds(DURATION))))
        .protocols(protocol);
  }
}
