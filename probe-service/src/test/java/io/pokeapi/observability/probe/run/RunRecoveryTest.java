package io.pokeapi.observability.probe.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.pokeapi.observability.common.contract.JsonEventSerializer;
import io.pokeapi.observability.common.contract.RunEvent;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStarted;
import io.pokeapi.observability.common.contract.RunStatus;
import io.pokeapi.observability.common.contract.RunTotals;
import io.pokeapi.observability.common.contract.RunTrigger;
import io.pokeapi.observability.common.contract.Topics;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.probe.config.ProbeInstance;
import io.pokeapi.observability.probe.messaging.ProbeEventPublisher;
import io.pokeapi.observability.probe.support.KafkaEvents;
import io.pokeapi.observability.probe.support.PokeApiDoubleResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Runs survive a restart (issue 9, item 8), recovered from {@code pokeapi.run-events} itself: a run
 * this instance started and never finished (it was killed) is closed as {@code aborted} on the
 * topic and shown so at {@code GET /api/runs/{id}}; a run another live replica is running is left
 * alone unless it is older than {@code probe.recovery.orphan-after}; runs that ended come back into
 * {@code GET /api/runs/{id}}; recovering twice closes nothing twice. (The packaged service killed
 * with SIGKILL and started again is {@code ProbeRestartIT}.)
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PokeApiDoubleResource.class)
class RunRecoveryTest {

  @Inject RunRecovery recovery;
  @Inject ProbeInstance instance;

  private static void send(KafkaProducer<String, RunEvent> producer, RunEvent event, String owner)
      throws Exception {
    ProducerRecord<String, RunEvent> record =
        new ProducerRecord<>(Topics.RUN_EVENTS, event.messageKey(), event);
    if (owner != null) {
      record
          .headers()
          .add(ProbeEventPublisher.INSTANCE_HEADER, owner.getBytes(StandardCharsets.UTF_8));
    }
    producer.send(record).get();
  }

  private static RunStarted started(Instant at) {
    return RunStarted.of(UUID.randomUUID(), "smoke", RunTrigger.SCHEDULE, List.of("pokemon"), at);
  }

  @Test
  void runsLeftOpenByThisInstanceAreAbortedAndEveryRunIsVisibleAfterARestart() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    RunStarted mine = started(now.minusSeconds(60));
    RunStarted otherLive = started(now.minusSeconds(60));
    RunStarted otherGone = started(now.minus(Duration.ofDays(2)));
    RunStarted anonymousRecent = started(now.minusSeconds(30));
    RunStarted ended = started(now.minusSeconds(120));
    RunFinished endedFinished =
        RunFinished.of(
            ended, now.minusSeconds(100), new RunTotals(6, 5, 1, 0), RunStatus.COMPLETED, 6L);

    try (KafkaEvents events = KafkaEvents.fromNow(KafkaBroker.shared().bootstrapServers());
        KafkaProducer<String, RunEvent> producer =
            new KafkaProducer<>(
                Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    KafkaBroker.shared().bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    JsonEventSerializer.class.getName()))) {
      send(producer, mine, instance.id());
      send(producer, otherLive, "probe-replica-b");
      send(producer, otherGone, "probe-replica-c");
      send(producer, anonymousRecent, null);
      send(producer, ended, instance.id());
      send(producer, endedFinished, instance.id());

      RunRecovery.Result result = recovery.recover();

      assertThat(result.aborted())
          .as("this instance's run and the one left open for two days")
          .contains(mine.runId(), otherGone.runId())
          .doesNotContain(otherLive.runId(), anonymousRecent.runId(), ended.runId());
      for (RunStarted closed : List.of(mine, otherGone)) {
        RunFinished end = events.awaitFinished(closed.runId(), Duration.ofSeconds(30));
        assertThat(end.status()).isEqualTo(RunStatus.ABORTED);
        assertThat(end.startedAt()).isEqualTo(closed.startedAt());
        assertThat(end.suite()).isEqualTo("smoke");
      }
      given()
          .get("/api/runs/" + mine.runId())
          .then()
          .statusCode(200)
          .body("status", equalTo("aborted"))
          .body("verdict", equalTo("incomplete"))
          .body("error", containsString("stopped while the run was going"));
      given().get("/api/runs/" + otherLive.runId()).then().statusCode(404);
      given()
          .get("/api/runs/" + ended.runId())
          .then()
          .statusCode(200)
          .body("status", equalTo("completed"))
          .body("verdict", equalTo("failed"))
          .body("progress.passed", equalTo(5))
          .body("progress.failed", equalTo(1));

      RunRecovery.Result again = recovery.recover();
      assertThat(again.aborted()).as("nothing is closed twice").isEmpty();
      Thread.sleep(500);
      assertThat(events.runEvents(mine.runId()))
          .filteredOn(RunFinished.class::isInstance)
          .hasSize(1);
    }
  }
}
