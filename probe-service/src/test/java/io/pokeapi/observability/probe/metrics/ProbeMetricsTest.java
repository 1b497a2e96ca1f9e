package io.pokeapi.observability.probe.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import io.pokeapi.observability.pokeapidouble.fault.FaultKind;
import io.pokeapi.observability.pokeapidouble.fault.FaultRule;
import io.pokeapi.observability.probe.client.EndpointGuards;
import io.pokeapi.observability.probe.client.Endpoints;
import io.pokeapi.observability.probe.client.EtagCache;
import io.pokeapi.observability.probe.support.InjectPokeApiDouble;
import io.pokeapi.observability.probe.support.PokeApiDoubleResource;
import io.pokeapi.observability.probe.support.ProbeTestSupport;
import io.pokeapi.observability.probe.support.PrometheusScrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The probe's Prometheus metrics, as an operator's dashboards and alerts read them. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PokeApiDoubleResource.class)
class ProbeMetricsTest {

  @InjectPokeApiDouble PokeApiDouble pokeApi;
  @Inject EndpointGuards guards;
  @Inject EtagCache etags;

  @AfterEach
  void healthy() {
    pokeApi.faults().clear();
    guards.reset("berry");
  }

  private static void run(String suite, List<String> resources) {
    UUID run = ProbeTestSupport.startRun(suite, null, resources);
    ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(120));
  }

  @Test
  void requestsDurationsChecksAndTheLastExecutionAreExposed() {
    Instant before = Instant.now().minusSeconds(1);
    double requestsBefore =
        PrometheusScrape.now().value("pokeapi_requests_total", Map.of("endpoint", "pokemon"));
    long servedBefore = pokeApi.metrics().requests("pokemon");

    run("smoke", null);

    PrometheusScrape scrape = PrometheusScrape.now();
    // every request the double saw, retries included, and at least the two lookups
    long served = pokeApi.metrics().requests("pokemon") - servedBefore;
    assertThat(served).isGreaterThanOrEqualTo(2);
    assertThat(
            scrape.value("pokeapi_requests_total", Map.of("endpoint", "pokemon")) - requestsBefore)
        .isEqualTo(served);
    Set<String> buckets = new HashSet<>();
    scrape.samples("pokeapi_request_duration_seconds_bucket").stream()
        .filter(s -> "pokemon".equals(s.label("endpoint")))
        .forEach(s -> buckets.add(s.label("le")));
    assertThat(buckets)
        .containsExactlyInAnyOrder("0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "+Inf");
    assertThat(
            scrape.value("pokeapi_request_duration_seconds_count", Map.of("endpoint", "pokemon")))
        .isGreaterThanOrEqualTo(2);
    assertThat(scrape.value("pokeapi_checks_total", Map.of("suite", "smoke", "status", "passed")))
        .isGreaterThanOrEqualTo(12);
    assertThat(scrape.value("pokeapi_test_execution_timestamp", Map.of("suite", "smoke")))
        .isGreaterThanOrEqualTo(before.getEpochSecond());
    assertThat(scrape.samples("pokeapi_rate_limited_total")).hasSize(1);
    assertThat(scrape.samples("pokeapi_circuit_breaker_state"))
        .extracting(s -> s.label("endpoint"))
        .containsAll(Endpoints.ALL);
  }

  @Test
  void failuresAreCountedByEndpointAndTypeOncePerObservation() {
    etags.clear();
    Map<String, String> http5xx = Map.of("endpoint", "berry", "failure_type", "http_5xx");
    Map<String, String> limited = Map.of("endpoint", "berry", "failure_type", "rate_limited");
    Map<String, String> model = Map.of("endpoint", "ability", "failure_type", "schema_validation");
    PrometheusScrape before = PrometheusScrape.now();

    FaultRule outage = pokeApi.faults().add(FaultRule.on("berry", FaultKind.HTTP_503));
    run("smoke", List.of("berry/1"));
    pokeApi.faults().remove(outage.id());
    guards.reset("berry");
    pokeApi.faults().add(FaultRule.on("berry", FaultKind.HTTP_429).withRetryAfterSeconds(0));
    run("smoke", List.of("berry/2"));
    pokeApi.faults().clear();
    run("smoke", List.of("ability/999"));

    PrometheusScrape after = PrometheusScrape.now();
    // each 503 answer (1 + 3 retries) and each 429 answer (1 + 5 retries) is a failure seen
    assertThat(
            after.value("pokeapi_failures_total", http5xx)
                - before.value("pokeapi_failures_total", http5xx))
        .isEqualTo(4);
    assertThat(
            after.value("pokeapi_failures_total", limited)
                - before.value("pokeapi_failures_total", limited))
        .isEqualTo(6);
    assertThat(
            after.value("pokeapi_rate_limited_total", Map.of())
                - before.value("pokeapi_rate_limited_total", Map.of()))
        .isEqualTo(6);
    // the model check and the contract check of ability/999 both fail on its body
    assertThat(
            after.value("pokeapi_failures_total", model)
                - before.value("pokeapi_failures_total", model))
        .isEqualTo(2);
  }

  @Test
  void labelValuesStayBoundedToEndpointNamesNeverIdsOrNames() {
    run("regression", null);

    Set<String> allowed = new HashSet<>(Endpoints.ALL);
    allowed.addAll(List.of(Endpoints.ROOT, Endpoints.META, Endpoints.UNKNOWN));
    List<PrometheusScrape.Sample> probeSamples =
        PrometheusScrape.now().samplesStartingWith("pokeapi_");
    assertThat(probeSamples).isNotEmpty();
    assertThat(probeSamples)
        .filteredOn(s -> s.labels().containsKey("endpoint"))
        .extracting(s -> s.label("endpoint"))
        .allMatch(allowed::contains, "an endpoint name")
        .contains(Endpoints.UNKNOWN);
    assertThat(probeSamples)
        .flatExtracting(s -> List.copyOf(s.labels().values()))
        .noneMatch(
            v -> v.matches(".*\\d{4,}.*") || v.contains("pikachu") || v.contains("missingno"));
  }
}
