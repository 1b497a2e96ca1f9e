package io.pokeapi.observability.diff.messaging;

import static io.pokeapi.observability.diff.support.Fixtures.pokemon;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStarted;
import io.pokeapi.observability.common.contract.RunStatus;
import io.pokeapi.observability.common.contract.RunTotals;
import io.pokeapi.observability.common.contract.RunTrigger;
import io.pokeapi.observability.common.contract.Topics;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.diff.support.Captures;
import io.pokeapi.observability.diff.support.Db;
import io.pokeapi.observability.diff.support.DiffTopicsResource;
import io.pokeapi.observability.diff.support.Fixtures;
import io.pokeapi.observability.diff.support.TestKafka;
import io.pokeapi.observability.diff.support.ThrowawayPostgres;
import io.pokeapi.observability.diff.support.ThrowawayPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 6: the database stopped for longer than the consumer's session and poll timeouts
 * (shortened for the test) while captures and run events keep arriving. Readiness goes DOWN and
 * nothing is acknowledged; when the database is back, everything sent during the outage is stored
 * exactly once, the run is evaluated, the consumer lag returns to 0 and readiness to UP, without a
 * restart. The database is a throwaway cluster of the test's own.
 */
@QuarkusTest
@TestProfile(StoreOutageTest.ShortTimeouts.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(ThrowawayPostgresResource.class)
@WithTestResource(DiffTopicsResource.class)
class StoreOutageTest {

  /** How long the database stays down: longer than every timeout below. */
  private static final Duration OUTAGE = Duration.ofSeconds(20);

  /** Consumer timeouts far below the outage, so that the test proves the channels outlive them. */
  public static class ShortTimeouts implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "mp.messaging.incoming.api-responses.session.timeout.ms", "6000",
          "mp.messaging.incoming.api-responses.heartbeat.interval.ms", "1000",
          "mp.messaging.incoming.api-responses.max.poll.interval.ms", "8000",
          "mp.messaging.incoming.api-responses.auto.commit.interval.ms", "500",
          "mp.messaging.incoming.run-events.session.timeout.ms", "6000",
          "mp.messaging.incoming.run-events.heartbeat.interval.ms", "1000",
          "mp.messaging.incoming.run-events.max.poll.interval.ms", "8000",
          "quarkus.datasource.reactive.reconnect-attempts", "0",
          "quarkus.log.category.\"io.pokeapi\".level", "INFO");
    }
  }

  @Inject Pool pool;

  @ConfigProperty(name = "mp.messaging.incoming.api-responses.group.id")
  String groupId;

  @ConfigProperty(name = "mp.messaging.incoming.api-responses.max.poll.interval.ms")
  long maxPollInterval;

  @ConfigProperty(name = "mp.messaging.incoming.api-responses.session.timeout.ms")
  long sessionTimeout;

  @Test
  void aLongDatabaseOutageIsRiddenOutAndEverythingSentMeanwhileIsStoredOnce() throws Exception {
    assertThat(OUTAGE.toMillis()).isGreaterThan(2 * Math.max(maxPollInterval, sessionTimeout));
    Db db = new Db(pool);
    String endpoint = Fixtures.uniqueEndpoint("pokemon");
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    awaitReady();

    UUID before = UUID.randomUUID();
    TestKafka.publish(captures(before, endpoint, 1, 10, t0));
    await().atMost(Duration.ofSeconds(60)).until(() -> stored(db, endpoint) == 10);

    ThrowawayPostgres.current().stopServer();
    long down = System.nanoTime();
    UUID during = UUID.randomUUID();
    RunStarted started =
        RunStarted.of(during, "sweep", RunTrigger.API, List.of(endpoint), t0.plusSeconds(60));
    TestKafka.publishRunEvents(started);
    List<ApiResponseCaptured> sentDuringOutage =
        captures(during, endpoint, 1, 30, t0.plusSeconds(61));
    TestKafka.publish(sentDuringOutage);
    TestKafka.publishRunEvents(
        RunFinished.of(
            started, t0.plusSeconds(90), new RunTotals(30, 30, 0, 0), RunStatus.COMPLETED, 30L));

    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () ->
                given()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body(
                        "checks.find { it.name == 'diff-ingest' }.status",
                        org.hamcrest.Matchers.is("DOWN")));
    long remaining = OUTAGE.toNanos() - (System.nanoTime() - down);
    if (remaining > 0) {
      Thread.sleep(remaining / 1_000_000);
    }
    given().get("/q/health/ready").then().statusCode(503);
    ThrowawayPostgres.current().startServer();
    Duration outage = Duration.ofNanos(System.nanoTime() - down);
    System.out.printf(
        "StoreOutageTest: database down for %d s (session timeout %d ms, max poll interval %d ms)%n",
        outage.toSeconds(), sessionTimeout, maxPollInterval);

    await().atMost(Duration.ofSeconds(90)).until(() -> stored(db, endpoint) == 40);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                db.count(
                        "SELECT count(*) FROM probe_runs WHERE run_id = $1 AND evaluation = 'complete'",
                        during)
                    == 1);
    awaitReady();
    await().atMost(Duration.ofSeconds(60)).until(() -> lag(Topics.API_RESPONSES, groupId) == 0);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> lag(Topics.RUN_EVENTS, "pokeapi-diff-service-runs") == 0);

    assertThat(stored(db, endpoint)).as("every capture stored exactly once").isEqualTo(40);
    assertThat(
            db.count(
                "SELECT count(*) FROM snapshots WHERE endpoint = $1 AND first_run_id = $2",
                endpoint,
                during))
        .isEqualTo(20);
    assertThat(db.count("SELECT count(*) FROM dead_letters"))
        .as("an outage is no dead letter")
        .isZero();
  }

  private static long stored(Db db, String endpoint) {
    return db.count("SELECT count(*) FROM latency_samples WHERE endpoint = $1", endpoint);
  }

  private static void awaitReady() {
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
  }

  /** Resources {@code from..to}, one capture each; ids above 10 are new bodies. */
  private static List<ApiResponseCaptured> captures(
      UUID run, String endpoint, int from, int to, Instant at) {
    List<ApiResponseCaptured> captures = new ArrayList<>();
    for (int id = from; id <= to; id++) {
      captures.add(
          Captures.ok(
              run,
              "sweep",
              endpoint,
              Integer.toString(id),
              pokemon(id, "mon-" + id, id),
              "rel-a",
              at.plusMillis(id)));
    }
    return captures;
  }

  /** The group's lag on a topic: end offsets minus committed offsets, all partitions. */
  private static long lag(String topic, String group) throws Exception {
    try (Admin admin = Admin.create(KafkaBroker.shared().clientConfig("outage-lag"))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      List<TopicPartition> partitions =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions()
              .stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin
              .listOffsets(
                  partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
              .all()
              .get();
      long lag = 0;
      for (TopicPartition p : partitions) {
        OffsetAndMetadata c = committed.get(p);
        lag += ends.get(p).offset() - (c == null ? 0 : c.offset());
      }
      return lag;
    }
  }
}
