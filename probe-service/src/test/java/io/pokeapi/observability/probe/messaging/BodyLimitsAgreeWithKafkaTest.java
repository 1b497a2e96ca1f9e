package io.pokeapi.observability.probe.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.CheckStatus;
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.common.contract.KafkaMessageLimits;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import io.pokeapi.observability.pokeapidouble.fault.FaultKind;
import io.pokeapi.observability.pokeapidouble.fault.FaultRule;
import io.pokeapi.observability.probe.client.EtagCache;
import io.pokeapi.observability.probe.config.ProbeConfig;
import io.pokeapi.observability.probe.support.InjectPokeApiDouble;
import io.pokeapi.observability.probe.support.KafkaEvents;
import io.pokeapi.observability.probe.support.PokeApiDoubleResource;
import io.pokeapi.observability.probe.support.ProbeTestSupport;
import io.pokeapi.observability.probe.support.PrometheusScrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The probe's body limit and Kafka's record limit agree (issue 9, item 4), on the real broker with
 * the production limits (common-model's {@link KafkaMessageLimits}): a body the probe passes
 * reaches Kafka whole; a body too large for a record fails its check as {@code response_too_large}
 * and its capture is still published, without the body. Nothing in between passes the checks and
 * then dies in the producer ({@code RecordTooLargeException}, only {@code
 * pokeapi_events_failed_total} moving), as 8 to 16 MiB bodies did before the fix.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PokeApiDoubleResource.class)
class BodyLimitsAgreeWithKafkaTest {

  private static final String ENDPOINT = "berry";
  private static final int MIB = 1 << 20;
  private static KafkaEvents events;

  @InjectPokeApiDouble PokeApiDouble pokeApi;
  @Inject EtagCache etags;
  @Inject ProbeConfig config;

  @BeforeAll
  static void consume() {
    events = KafkaEvents.fromNow(KafkaBroker.shared().bootstrapServers());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    events.close();
  }

  @AfterEach
  void healthy() {
    pokeApi.faults().clear();
    etags.clear();
  }

  @Test
  void theProbeLimitIsTheKafkaRecordLimit() {
    assertThat(config.pokeapi().maxBodyBytes()).isEqualTo(KafkaMessageLimits.MAX_RECORD_BYTES);
  }

  /**
   * Bodies padded by the double to sizes around the record limit (8 MiB): 4 MiB and 8 MiB - 100 KiB
   * pass and arrive whole; 8 MiB - 16 bytes is within the probe's limit but its capture is not (the
   * envelope and escaping add to it); 8 MiB + 1 and 12 MiB are over the limit.
   */
  @ParameterizedTest
  @ValueSource(
      ints = {
        4 * MIB,
        8 * MIB - 100 * 1024,
        KafkaMessageLimits.MAX_RECORD_BYTES - 16,
        KafkaMessageLimits.MAX_RECORD_BYTES + 1,
        12 * MIB
      })
  void aBodyEitherReachesKafkaWholeOrFailsAsResponseTooLarge(int size) {
    etags.clear();
    pokeApi.faults().add(FaultRule.on(ENDPOINT, FaultKind.OVERSIZED_BODY).withSizeBytes(size));
    double failedBefore = PrometheusScrape.now().value("pokeapi_events_failed_total", Map.of());

    UUID run = ProbeTestSupport.startRun("smoke", null, List.of("berry/3"));
    ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(90));
    RunFinished finished = events.awaitFinished(run, Duration.ofSeconds(60));

    CheckResult check =
        events.checks(run).stream()
            .filter(c -> c.checkName().equals("berry.by-id"))
            .findFirst()
            .orElseThrow();
    List<ApiResponseCaptured> captures = events.responses(run);
    assertThat(captures).as("the capture is published either way").hasSize(1);
    ApiResponseCaptured capture = captures.get(0);
    assertThat(capture.status()).isEqualTo(200);
    if (check.status() == CheckStatus.PASSED) {
      assertThat(size).isLessThan(KafkaMessageLimits.MAX_RECORD_BYTES - 1024);
      assertThat(capture.body()).as("the whole body reached Kafka").hasSize(size);
    } else {
      assertThat(size).isGreaterThan(KafkaMessageLimits.MAX_RECORD_BYTES - 1024);
      assertThat(check.failureType()).isEqualTo(FailureType.RESPONSE_TOO_LARGE);
      assertThat(capture.body()).as("published without the body").isNull();
    }
    assertThat(finished.capturesPublished()).isEqualTo(1L);
    assertThat(PrometheusScrape.now().value("pokeapi_events_failed_total", Map.of()))
        .as("no send failed")
        .isEqualTo(failedBefore);
  }
}
