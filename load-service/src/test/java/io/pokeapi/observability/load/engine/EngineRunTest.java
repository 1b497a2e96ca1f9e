package io.pokeapi.observability.load.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pokeapi.observability.load.metrics.LoadMeters;
import io.pokeapi.observability.load.profile.Checks;
import io.pokeapi.observability.load.profile.LoadModel;
import io.pokeapi.observability.load.profile.LoadProfile;
import io.pokeapi.observability.load.profile.RequestSpec;
import io.pokeapi.observability.load.profile.Stage;
import io.pokeapi.observability.load.support.Fixture;
import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import io.pokeapi.observability.pokeapidouble.fault.FaultKind;
import io.pokeapi.observability.pokeapidouble.fault.FaultRule;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Short real runs of the engine against the PokéAPI double: what the generator counts is what the
 * double served, latency counts from the intended send time, and a saturated generator makes the
 * run invalid.
 */
class EngineRunTest {

  private static PokeApiDouble pokeApi;
  private static LoadEngine engine;
  private static LoadEngine saturatedEngine;

  @BeforeAll
  static void start() {
    pokeApi = Fixture.startDouble();
    LoadMeters meters = new LoadMeters(new SimpleMeterRegistry());
    engine = EngineTestSupport.engine(meters);
    // any CPU use counts as saturation: every second is saturated
    saturatedEngine =
        LoadEngine.create(new EngineSettings(1, Duration.ofSeconds(2), -1, 0.1), meters);
  }

  @AfterAll
  static void stop() {
    engine.close();
    saturatedEngine.close();
    pokeApi.close();
  }

  @AfterEach
  void clearFaults() {
    pokeApi.faults().clear();
  }

  private static ShareResult run(LoadEngine on, LoadProfile profile) throws Exception {
    return EngineTestSupport.run(on, profile);
  }

  private static long served(String... endpoints) {
    long sum = 0;
    for (String endpoint : endpoints) {
      sum += pokeApi.metrics().requests(endpoint);
    }
    return sum;
  }

  @Test
  void closedModelRampsItsUsersAndCountsExactlyWhatTheDoubleServed() throws Exception {
    long before = served("pokemon", "type", "ability");
    LoadProfile profile =
        LoadProfile.builder(LoadModel.CLOSED)
            .baseUrl(pokeApi.baseUrl() + "/api/v2")
            .requests(Fixture.mix())
            .startUsers(1)
            .stages(new Stage(Duration.ofSeconds(2), 6.0), new Stage(Duration.ofSeconds(1), 6.0))
            .thinkTime(Duration.ofMillis(20), Duration.ofMillis(40))
            .build();

    ShareResult result = run(engine, profile);

    assertThat(result.requests()).isGreaterThan(10);
    assertThat(result.errorsByKind()).isEmpty();
    assertThat(served("pokemon", "type", "ability") - before).isEqualTo(result.requests());
    assertThat(Histograms.decode(result.histogram()).getTotalCount()).isEqualTo(result.requests());
    List<ShareResult.SecondResult> timeline = result.timeline();
    // 1 -> 6 users over 2 s, then 6: the users at the end of each second follow the ramp. The
    // ramp reaches 6 exactly at the end of second 2, when that second's users are read: a loop
    // whose tick has not come yet still counts 5 (seen on a busy machine), never fewer
    assertThat(timeline).hasSize(3);
    assertThat(timeline.get(0).users()).isBetween(2, 5);
    assertThat(timeline.get(1).users()).isBetween(5, 6);
    assertThat(timeline.get(2).users()).isEqualTo(6);
    assertThat(timeline.stream().mapToLong(ShareResult.SecondResult::requests).sum())
        .isEqualTo(result.requests());
    ShareResult.EndpointResult pokemon = result.endpoints().get(0);
    ShareResult.EndpointResult type = result.endpoints().get(1);
    assertThat(pokemon.endpoint()).isEqualTo("pokemon");
    assertThat(pokemon.statuses()).containsOnlyKeys("200");
    // weights 3 : 1 : 1
    assertThat(pokemon.requests()).isGreaterThan(type.requests());
    assertThat(result.saturation().invalidReason()).isNull();
  }

  @Test
  void openModelLatencyCountsFromTheIntendedSendTimeWhileTheServerIsSlow() throws Exception {
    // one connection, 100 ms per answer (10/s) and 20 arrivals/s for 1 s: the k-th request is
    // intended at 50k ms and answered at about 100(k+1) ms
    pokeApi.faults().add(FaultRule.everywhere(FaultKind.LATENCY).withLatencyMs(100));
    LoadProfile profile =
        LoadProfile.builder(LoadModel.OPEN)
            .baseUrl(pokeApi.baseUrl() + "/api/v2")
            .requests(RequestSpec.of("/pokemon/25"))
            .rate(20)
            .duration(Duration.ofSeconds(1))
            .maxConnections(1)
            .build();

    ShareResult result = run(engine, profile);

    assertThat(result.requests()).isEqualTo(20);
    assertThat(result.dropped()).isZero();
    // the requests that waited for the connection were answered like the others
    assertThat(result.errorsByKind()).isEmpty();
    assertThat(result.endpoints().get(0).statuses()).isEqualTo(java.util.Map.of("200", 20L));
    Histogram latency = Histograms.decode(result.histogram());
    Histogram wait = Histograms.decode(result.connectionWait());
    // served one at a time, each in ~100 ms; measured from when they were due, the last waited ~1 s
    assertThat(latency.getMaxValue()).isGreaterThan(900_000);
    assertThat(latency.getValueAtPercentile(50)).isGreaterThan(400_000);
    assertThat(wait.getMaxValue()).isGreaterThan(700_000);
    assertThat(latency.getMinValue()).isGreaterThanOrEqualTo(95_000);
  }

  @Test
  void aBodyCheckIsMatchedWhileTheBodyStreams() throws Exception {
    LoadProfile.Builder base =
        LoadProfile.builder(LoadModel.FIXED_CONNECTIONS)
            .baseUrl(pokeApi.baseUrl() + "/api/v2")
            .requests(RequestSpec.of("/pokemon/25"))
            .connections(2)
            .duration(Duration.ofMillis(600));

    ShareResult found = run(engine, base.checks(new Checks(null, "\"pikachu\"")).build());
    ShareResult missing =
        run(engine, base.checks(new Checks(List.of(200), "no such text")).build());

    assertThat(found.requests()).isPositive();
    assertThat(found.errorsByKind()).isEmpty();
    assertThat(missing.requests()).isPositive();
    assertThat(missing.errorsByKind()).containsOnlyKeys("assertion");
    assertThat(missing.errorsByKind().get("assertion")).isEqualTo(missing.requests());
  }

  @Test
  void failuresAreCountedByKind() throws Exception {
    pokeApi.faults().add(FaultRule.on("type", FaultKind.HTTP_503));
    LoadProfile profile =
        LoadProfile.builder(LoadModel.OPEN)
            .baseUrl(pokeApi.baseUrl() + "/api/v2")
            .requests(RequestSpec.of("/type/1"), RequestSpec.of("/pokemon/999999"))
            .rate(40)
            .duration(Duration.ofSeconds(1))
            .build();

    ShareResult result = run(engine, profile);

    assertThat(result.requests()).isEqualTo(40);
    assertThat(result.errorsByKind()).containsOnlyKeys("http_5xx", "http_4xx");
    assertThat(result.errorsByKind().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(40);
    assertThat(result.endpoints().get(0).statuses()).containsOnlyKeys("503");
    assertThat(result.endpoints().get(1).statuses()).containsOnlyKeys("404");
  }

  @Test
  void aRunWhoseGeneratorWasSaturatedIsNotValidAndSaysWhy() throws Exception {
    LoadProfile profile =
        LoadProfile.builder(LoadModel.FIXED_CONNECTIONS)
            .baseUrl(pokeApi.baseUrl() + "/api/v2")
            .requests(RequestSpec.of("/pokemon/1"))
            .connections(1)
            .duration(Duration.ofSeconds(2))
            .build();

    ShareResult result = run(saturatedEngine, profile);

    assertThat(result.saturation().saturatedSeconds())
        .isEqualTo(result.saturation().measuredSeconds());
    assertThat(result.saturation().invalidReason())
        .contains("saturated in 2 of 2 measured seconds")
        .contains("process CPU above");
  }
}
