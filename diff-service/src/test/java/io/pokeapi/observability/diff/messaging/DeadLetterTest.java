package io.pokeapi.observability.diff.messaging;

import static io.pokeapi.observability.diff.support.Fixtures.pokemon;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.Topics;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.common.testsupport.PostgresDatabaseResource;
import io.pokeapi.observability.diff.support.Captures;
import io.pokeapi.observability.diff.support.Db;
import io.pokeapi.observability.diff.support.DiffTopicsResource;
import io.pokeapi.observability.diff.support.Fixtures;
import io.pokeapi.observability.diff.support.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 1: a record the database keeps refusing (here a resource key with a NUL byte, which
 * PostgreSQL text cannot hold) and a record that cannot be decoded are kept as dead letters with
 * their reason, counted and logged; the records around them are stored, the partition moves on, and
 * readiness stays UP, reporting the dead letters.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
@WithTestResource(DiffTopicsResource.class)
class DeadLetterTest {

  @Inject Pool pool;
  @Inject MeterRegistry registry;

  @Test
  void aRecordThatCannotBeStoredIsKeptAsADeadLetterAndThePartitionMovesOn() throws Exception {
    Db db = new Db(pool);
    String endpoint = Fixtures.uniqueEndpoint("pokemon");
    UUID run = UUID.randomUUID();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    double before = deadLetters();
    long keptBefore = db.count("SELECT count(*) FROM dead_letters");

    ApiResponseCaptured poison =
        Captures.ok(run, "smoke", endpoint, "25\u0000", pokemon(25, "pikachu", 60), "rel-a", t0);
    try (KafkaProducer<String, String> producer = TestKafka.producer()) {
      // the poison and a good capture on the same partition (same key), the good one after it
      String key = poison.messageKey();
      producer
          .send(new ProducerRecord<>(Topics.API_RESPONSES, key, EventJson.toJson(poison)))
          .get();
      producer
          .send(new ProducerRecord<>(Topics.API_RESPONSES, endpoint + "/garbled", "{not json"))
          .get();
      producer
          .send(
              new ProducerRecord<>(
                  Topics.API_RESPONSES,
                  key,
                  EventJson.toJson(
                      Captures.ok(
                          run,
                          "smoke",
                          endpoint,
                          "26",
                          pokemon(26, "raichu", 300),
                          "rel-a",
                          t0.plusSeconds(1)))))
          .get();
    }

    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> db.count("SELECT count(*) FROM dead_letters") - keptBefore >= 2);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                db.count(
                        "SELECT count(*) FROM snapshots WHERE endpoint = $1 AND resource_id = '26'",
                        endpoint)
                    == 1);

    List<Row> kept =
        db.rows(
            "SELECT record_key, payload, reason FROM dead_letters"
                + " WHERE record_key LIKE $1 ORDER BY kafka_offset",
            endpoint + "%");
    assertThat(kept).hasSize(2);
    // the two records have different keys, so possibly different partitions: no order between them
    Row refused =
        kept.stream().filter(r -> r.getString("payload") != null).findFirst().orElseThrow();
    Row garbled =
        kept.stream().filter(r -> r.getString("payload") == null).findFirst().orElseThrow();
    assertThat(refused.getString("reason")).contains("0x00");
    assertThat(refused.getString("payload")).contains("pikachu");
    assertThat(garbled.getString("reason")).startsWith("could not be decoded");
    assertThat(deadLetters() - before).isEqualTo(2);

    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'diff-ingest' }.data.degraded", is(true));
  }

  private double deadLetters() {
    Counter counter =
        registry.find("pokeapi.ingest.dead.letters").tag("topic", Topics.API_RESPONSES).counter();
    return counter == null ? 0 : counter.count();
  }
}
