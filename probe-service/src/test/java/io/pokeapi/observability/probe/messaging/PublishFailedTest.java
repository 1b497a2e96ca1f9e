package io.pokeapi.observability.probe.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.CheckStatus;
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import io.pokeapi.observability.pokeapidouble.fault.FaultKind;
import io.pokeapi.observability.pokeapidouble.fault.FaultRule;
import io.pokeapi.observability.probe.client.EtagCache;
import io.pokeapi.observability.probe.support.InjectPokeApiDouble;
import io.pokeapi.observability.probe.support.KafkaEvents;
import io.pokeapi.observability.probe.support.PokeApiDoubleResource;
import io.pokeapi.observability.probe.support.ProbeTestSupport;
import io.pokeapi.observability.probe.support.PrometheusScrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A capture the broker refuses fails its check as {@code publish_failed} (issue 9, item 4): here
 * the captures go to a topic whose {@code max.message.bytes} is 256 KiB, uncompressed, so the real
 * broker refuses a 1 MiB body that the probe itself accepts. The run's {@code RunFinished} counts
 * only the captures the broker acknowledged.
 */
@QuarkusTest
@TestProfile(PublishFailedTest.SmallRecordsTopic.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PokeApiDoubleResource.class)
class PublishFailedTest {

  static final String TOPIC = "probe-test.small-records";

  /** Captures go to a topic that takes records of at most 256 KiB, uncompressed. */
  public static class SmallRecordsTopic implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "mp.messaging.outgoing.api-responses.topic",
          TOPIC,
          "mp.messaging.outgoing.api-responses.compression.type",
          "none");
    }
  }

  @InjectPokeApiDouble PokeApiDouble pokeApi;
  @Inject EtagCache etags;

  @BeforeAll
  static void smallTopic() throws Exception {
    String servers = KafkaBroker.shared().bootstrapServers();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      if (!existing.contains(TOPIC)) {
        admin
            .createTopics(
                List.of(
                    new NewTopic(TOPIC, 1, (short) 1)
                        .configs(Map.of("max.message.bytes", Integer.toString(256 * 1024)))))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
    }
  }

  @AfterEach
  void healthy() {
    pokeApi.faults().clear();
    etags.clear();
  }

  @Test
  void aCaptureTheBrokerRefusesFailsItsCheckAsPublishFailed() throws Exception {
    try (KafkaEvents events = KafkaEvents.fromNow(KafkaBroker.shared().bootstrapServers())) {
      pokeApi.faults().add(FaultRule.on("berry", FaultKind.OVERSIZED_BODY).withSizeBytes(1 << 20));
      double failedBefore =
          PrometheusScrape.now()
              .value("pokeapi_events_failed_total", Map.of("channel", "api-responses"));

      UUID run = ProbeTestSupport.startRun("smoke", null, List.of("berry/1", "stat/5"));
      ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(180))
          .then()
          .body("verdict", org.hamcrest.Matchers.equalTo("failed"));
      RunFinished finished = events.awaitFinished(run, Duration.ofSeconds(60));

      List<CheckResult> checks = events.checks(run);
      CheckResult berry =
          checks.stream()
              .filter(c -> c.checkName().equals("berry.by-id"))
              .findFirst()
              .orElseThrow();
      CheckResult stat =
          checks.stream().filter(c -> c.checkName().equals("stat.by-id")).findFirst().orElseThrow();
      assertThat(berry.status()).isEqualTo(CheckStatus.FAILED);
      assertThat(berry.failureType()).isEqualTo(FailureType.PUBLISH_FAILED);
      assertThat(berry.message()).contains("could not be published");
      assertThat(stat.status())
          .as("a small capture still goes through")
          .isEqualTo(CheckStatus.PASSED);
      assertThat(finished.totals().failed()).isEqualTo(1);
      assertThat(finished.capturesPublished())
          .as("only the acknowledged capture counts")
          .isEqualTo(1L);
      assertThat(
              PrometheusScrape.now()
                      .value("pokeapi_events_failed_total", Map.of("channel", "api-responses"))
                  - failedBefore)
          .isEqualTo(1);
    }
  }
}
