package io.pokeapi.observability.probe.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.CheckStatus;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.common.testsupport.PokeApiData;
import io.pokeapi.observability.probe.support.KafkaEvents;
import io.pokeapi.observability.probe.support.ProbeTestSupport;
import io.pokeapi.observability.probe.support.PrometheusScrape;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Sweeps all 2,770 resources of the real data set (pokemon, pokemon-species, ability, type) through
 * the double into Kafka, every check included (model and published contract), and prints resources
 * per second and MB per second. Not part of the normal build:
 *
 * <pre>
 * ./mvnw -B -pl probe-service -am verify -Dsweep.benchmark=true \
 *     -Dtest=SweepBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Knobs: {@code -Dsweep.benchmark.concurrency=8}. It asserts what it measured is complete (every
 * resource probed and captured on Kafka), never how fast.
 */
@QuarkusTest
@TestProfile(SweepBenchmarkTest.Profile.class)
@EnabledIfSystemProperty(named = "sweep.benchmark", matches = "true")
class SweepBenchmarkTest {

  static final int RESOURCES = 2770;

  /** The real data set behind the double, no rate cap, the configured concurrency. */
  public static class Profile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "probe.rate-cap.requests-per-second", "0",
          "probe.sweep.concurrency", System.getProperty("sweep.benchmark.concurrency", "8"),
          "probe.sweep.page-size", "1000",
          "probe.pokeapi.timeout", "30s",
          "probe.pokeapi.max-body-bytes", "16777216");
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(
          new TestResourceEntry(KafkaBrokerResource.class),
          new TestResourceEntry(RealDataDoubleResource.class));
    }
  }

  @Test
  void sweepAllResourcesOfTheRealDataSetThroughTheDoubleIntoKafka() throws Exception {
    PokeApiData.requireDataDir();
    double bytesBefore = PrometheusScrape.now().value("pokeapi_response_bytes_total", Map.of());

    try (KafkaEvents events =
        KafkaEvents.countingResponses(KafkaBroker.shared().bootstrapServers())) {
      long started = System.nanoTime();
      UUID run = ProbeTestSupport.startRun("sweep", null, null);
      Response end = ProbeTestSupport.awaitEnd(run, Duration.ofMinutes(30));
      long probed = System.nanoTime();
      RunFinished finished = events.awaitFinished(run, Duration.ofMinutes(5));
      long delivered = System.nanoTime();

      List<CheckResult> checks = events.checks(run);
      Map<CheckStatus, Long> byStatus =
          checks.stream()
              .collect(Collectors.groupingBy(CheckResult::status, Collectors.counting()));
      long resources =
          checks.stream().filter(c -> c.checkName().endsWith(".sweep.resource")).count();
      double bodyBytes =
          PrometheusScrape.now().value("pokeapi_response_bytes_total", Map.of()) - bytesBefore;
      double probeSeconds = (probed - started) / 1e9;
      double totalSeconds = (delivered - started) / 1e9;
      double mb = bodyBytes / 1e6;
      System.out.printf(
          "%n=== probe-service sweep benchmark (%d resources, %.1f MB of JSON bodies received) ===%n"
              + "run: %.1f s -> %.1f resources/s, %.2f MB/s of bodies fetched and checked%n"
              + "until RunFinished consumed: %.1f s -> %.1f resources/s, %.2f MB/s%n"
              + "Kafka: %d captured responses (%.1f MB of event JSON), %d check results %s,"
              + " requests %d%n%n",
          resources,
          mb,
          probeSeconds,
          resources / probeSeconds,
          mb / probeSeconds,
          totalSeconds,
          resources / totalSeconds,
          mb / totalSeconds,
          events.responseCount(),
          events.responseBytes() / 1e6,
          checks.size(),
          byStatus,
          finished.totals().requests());

      assertThat(end.jsonPath().getString("status")).isEqualTo("completed");
      assertThat(resources).isEqualTo(RESOURCES);
      assertThat(events.responseCount()).isEqualTo(finished.totals().requests());
      assertThat(finished.totals().checks()).isEqualTo(checks.size());
    }
  }
}
