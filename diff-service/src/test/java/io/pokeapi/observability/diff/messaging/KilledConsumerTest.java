package io.pokeapi.observability.diff.messaging;

import static io.pokeapi.observability.diff.support.Fixtures.pokemon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.ApiResponseCapturedDeserializer;
import io.pokeapi.observability.common.contract.KafkaMessageLimits;
import io.pokeapi.observability.common.contract.Topics;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.common.testsupport.PostgresDatabaseResource;
import io.pokeapi.observability.diff.ingest.ResponseIngestor;
import io.pokeapi.observability.diff.support.Captures;
import io.pokeapi.observability.diff.support.Db;
import io.pokeapi.observability.diff.support.DiffTopicsResource;
import io.pokeapi.observability.diff.support.Fixtures;
import io.pokeapi.observability.diff.support.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A second replica joins the service's consumer group, takes partitions, writes a batch to the
 * database and dies before committing its offsets: the crash window between the database commit and
 * the offset commit. The group hands its partitions back to the service, which replays the
 * uncommitted records; nothing is lost and nothing is stored twice.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
@WithTestResource(DiffTopicsResource.class)
class KilledConsumerTest {

  private static final int RESOURCES = 40;

  @Inject Pool pool;
  @Inject MeterRegistry registry;
  @Inject ResponseIngestor ingestor;

  @ConfigProperty(name = "mp.messaging.incoming.api-responses.group.id")
  String groupId;

  @Test
  void aConsumerKilledBetweenDatabaseCommitAndOffsetCommitIsResumedWithoutLossOrDuplicates() {
    Db db = new Db(pool);
    String endpoint = Fixtures.uniqueEndpoint("pokemon");
    UUID run = UUID.randomUUID();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    List<ApiResponseCaptured> captures = new ArrayList<>();
    for (int id = 1; id <= RESOURCES; id++) {
      captures.add(
          Captures.ok(
              run,
              "sweep",
              endpoint,
              Integer.toString(id),
              pokemon(id, "mon-" + id, 10 * id),
              "rel-a",
              t0.plusMillis(id)));
    }
    double deduplicatedBefore = counter("pokeapi.snapshots.deduplicated");

    int uncommitted;
    try (KafkaConsumer<String, ApiResponseCaptured> replica = replica()) {
      replica.subscribe(List.of(Topics.API_RESPONSES));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                replica.poll(Duration.ofMillis(200));
                return !replica.assignment().isEmpty();
              });
      assertThat(replica.assignment()).hasSizeLessThan(DiffTopicsResource.CAPTURE_PARTITIONS);

      TestKafka.publish(captures);

      List<ApiResponseCaptured> first = pollOwn(replica, endpoint);
      ingestor.ingest(first).await().atMost(Duration.ofSeconds(60));
      replica.commitSync();

      List<ApiResponseCaptured> second = pollOwn(replica, endpoint);
      ingestor.ingest(second).await().atMost(Duration.ofSeconds(60));
      uncommitted = second.size();
      // killed here: the batch is in the database, its offsets are not committed
    }

    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                db.count("SELECT count(*) FROM latency_samples WHERE run_id = $1", run) == RESOURCES
                    && counter("pokeapi.snapshots.deduplicated") - deduplicatedBefore
                        >= uncommitted);

    assertThat(db.count("SELECT count(*) FROM snapshots WHERE endpoint = $1", endpoint))
        .isEqualTo(RESOURCES);
    assertThat(
            db.count(
                "SELECT count(DISTINCT resource_id) FROM snapshots WHERE endpoint = $1", endpoint))
        .isEqualTo(RESOURCES);
    assertThat(db.count("SELECT count(*) FROM resource_heads WHERE endpoint = $1", endpoint))
        .isEqualTo(RESOURCES);
    assertThat(db.count("SELECT count(*) FROM data_changes WHERE endpoint = $1", endpoint))
        .isZero();
  }

  /** A consumer of the service's own group, configured like the service's channel. */
  private KafkaConsumer<String, ApiResponseCaptured> replica() {
    Map<String, Object> config =
        new HashMap<>(KafkaBroker.shared().clientConfig("diff-test-replica"));
    config.putAll(KafkaMessageLimits.consumerConfig());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
        ApiResponseCapturedDeserializer.class.getName());
    return new KafkaConsumer<>(config);
  }

  /** The next non-empty batch of this test's captures on the replica's partitions. */
  private static List<ApiResponseCaptured> pollOwn(
      KafkaConsumer<String, ApiResponseCaptured> replica, String endpoint) {
    List<ApiResponseCaptured> batch = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              ConsumerRecords<String, ApiResponseCaptured> records =
                  replica.poll(Duration.ofMillis(200));
              for (ConsumerRecord<String, ApiResponseCaptured> record : records) {
                if (record.value() != null && endpoint.equals(record.value().endpoint())) {
                  batch.add(record.value());
                }
              }
              return !batch.isEmpty();
            });
    return batch;
  }

  private double counter(String name) {
    var counter = registry.find(name).counter();
    return counter == null ? 0 : counter.count();
  }
}
