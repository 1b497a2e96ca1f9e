package io.pokeapi.observability.load.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.LoadRunSummary;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import io.pokeapi.observability.load.engine.EngineTestSupport;
import io.pokeapi.observability.load.engine.Histograms;
import io.pokeapi.observability.load.engine.LoadEngine;
import io.pokeapi.observability.load.engine.ShareResult;
import io.pokeapi.observability.load.messaging.KafkaSummaryPublisher;
import io.pokeapi.observability.load.metrics.LoadMeters;
import io.pokeapi.observability.load.profile.LoadModel;
import io.pokeapi.observability.load.profile.LoadPlan;
import io.pokeapi.observability.load.profile.LoadProfile;
import io.pokeapi.observability.load.report.RunResult;
import io.pokeapi.observability.load.run.LoadRun;
import io.pokeapi.observability.load.run.LoadRunStatus;
import io.pokeapi.observability.load.run.LoadRunner;
import io.pokeapi.observability.load.run.RunnerSettings;
import io.pokeapi.observability.load.support.Fixture;
import io.pokeapi.observability.load.support.LoadSummaries;
import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas in one JVM, each with its own engine, coordinating over the real Kafka broker: one
 * accepts the run, the other joins, the rate is split, and the one summary merges both histograms
 * exactly, with the counts the double served.
 */
class DistributedRunTest {

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    open.add(closeable);
    return closeable;
  }

  private LoadRunner replica(String id, String bootstrap, String topic) {
    LoadMeters meters = new LoadMeters(new SimpleMeterRegistry());
    LoadEngine engine = keep(EngineTestSupport.engine(meters));
    Map<String, Object> kafka = Map.of("bootstrap.servers", bootstrap);
    KafkaCoordination coordination =
        keep(new KafkaCoordination(kafka, topic, id, EventJson.mapper()));
    KafkaSummaryPublisher publisher = keep(new KafkaSummaryPublisher(kafka, "summaries-" + id));
    return keep(
        new LoadRunner(
            new RunnerSettings(
                id, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofSeconds(60), 10),
            engine,
            meters,
            publisher,
            coordination));
  }

  @Test
  void twoReplicasShareTheRateAndTheSummaryMergesTheirHistogramsExactly() throws Exception {
    String bootstrap = KafkaBroker.shared().bootstrapServers();
    String topic = "pokeapi.load-coordination-test-" + UUID.randomUUID();
    PokeApiDouble pokeApi = keep(Fixture.startDouble());
    LoadRunner a = replica("replica-a", bootstrap, topic);
    LoadRunner b = replica("replica-b", bootstrap, topic);
    LoadSummaries summaries = keep(new LoadSummaries(bootstrap));
    long before = served(pokeApi);

    LoadPlan plan =
        LoadPlan.of(
            LoadProfile.builder(LoadModel.OPEN)
                .name("two-replicas")
                .baseUrl(pokeApi.baseUrl() + "/api/v2")
                .requests(Fixture.mix())
                .rate(40)
                .duration(Duration.ofSeconds(3))
                .build());
    LoadRun run = a.start(plan, 2);

    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> run.status().ended());
    assertThat(run.status()).as(run.failure()).isEqualTo(LoadRunStatus.COMPLETED);
    assertThat(run.participants()).containsExactly("replica-a", "replica-b");
    LoadRun joined = b.get(run.id()).orElseThrow();
    assertThat(joined.coordinator()).isFalse();
    await().atMost(Duration.ofSeconds(30)).until(() -> joined.status().ended());

    RunResult result = run.result();
    Map<String, ShareResult> shares = run.shares();
    assertThat(shares).containsOnlyKeys("replica-a", "replica-b");
    ShareResult shareA = shares.get("replica-a");
    ShareResult shareB = shares.get("replica-b");
    // 40 requests/s for 3 s split in two: 60 arrivals each, all sent
    assertThat(shareA.requests()).isEqualTo(60);
    assertThat(shareB.requests()).isEqualTo(60);
    assertThat(result.requests()).isEqualTo(120);
    assertThat(served(pokeApi) - before).isEqualTo(120);
    assertThat(result.errors()).isZero();

    Histogram sum = Histograms.decode(shareA.histogram());
    sum.add(Histograms.decode(shareB.histogram()));
    assertThat(result.latency()).isEqualTo(sum);
    assertThat(result.latency().getTotalCount()).isEqualTo(120);

    LoadRunSummary summary = summaries.await(run.id(), Duration.ofSeconds(60)).summary();
    assertThat(summary.requests()).isEqualTo(120);
    assertThat(summary.replicas()).isEqualTo(2);
    assertThat(summary.valid()).as(summary.invalidReason()).isTrue();
    assertThat(Histograms.decode(summary.histogram())).isEqualTo(sum);
    assertThat(summary.latency().p99Micros()).isEqualTo(sum.getValueAtPercentile(99));
    assertThat(summary.latency().maxMicros()).isEqualTo(sum.getMaxValue());
    assertThat(summary.scenario()).isEqualTo("two-replicas");
    assertThat(summaries.count(run.id())).as("only the accepting replica publishes").isEqualTo(1);
    // the timeline adds the replicas' seconds: each second's requests are both replicas' together
    assertThat(result.timeline().stream().mapToLong(RunResult.Second::requests).sum())
        .isEqualTo(120);
    assertThat(result.timeline().get(0).targetRate()).isEqualTo(40.0);
  }

  @Test
  void aStopOnTheAcceptingReplicaStopsTheOtherToo() throws Exception {
    String bootstrap = KafkaBroker.shared().bootstrapServers();
    String topic = "pokeapi.load-coordination-test-" + UUID.randomUUID();
    PokeApiDouble pokeApi = keep(Fixture.startDouble());
    LoadRunner a = replica("replica-c", bootstrap, topic);
    LoadRunner b = replica("replica-d", bootstrap, topic);

    LoadRun run =
        a.start(
            LoadPlan.of(
                LoadProfile.builder(LoadModel.OPEN)
                    .baseUrl(pokeApi.baseUrl() + "/api/v2")
                    .requests(Fixture.mix())
                    .rate(20)
                    .duration(Duration.ofMinutes(5))
                    .build()),
            2);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> b.get(run.id()).map(r -> r.status() == LoadRunStatus.RUNNING).orElse(false));
    await().atMost(Duration.ofSeconds(30)).until(() -> run.status() == LoadRunStatus.RUNNING);

    a.stop(run);

    await().atMost(Duration.ofSeconds(90)).until(() -> run.status().ended());
    LoadRun joined = b.get(run.id()).orElseThrow();
    await().atMost(Duration.ofSeconds(30)).until(() -> joined.status().ended());
    assertThat(run.status()).isEqualTo(LoadRunStatus.STOPPED);
    assertThat(joined.status()).isEqualTo(LoadRunStatus.STOPPED);
    assertThat(run.result().shares()).isEqualTo(2);
  }

  private static long served(PokeApiDouble pokeApi) {
    return pokeApi.metrics().requests("pokemon")
        + pokeApi.metrics().requests("type")
        + pokeApi.metrics().requests("ability");
  }
}
