package io.pokeapi.observability.probe.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.CheckStatus;
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import io.pokeapi.observability.pokeapidouble.fault.FaultKind;
import io.pokeapi.observability.pokeapidouble.fault.FaultRule;
import io.pokeapi.observability.probe.support.InjectPokeApiDouble;
import io.pokeapi.observability.probe.support.KafkaEvents;
import io.pokeapi.observability.probe.support.PokeApiDoubleResource;
import io.pokeapi.observability.probe.support.ProbeTestSupport;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ETag cache keeps only bodies that passed parsing (issue 9, item 3). A 200 whose body was
 * malformed, truncated or of the wrong content type (the double's body faults) is not cached, so
 * once the API is healthy again the next request is unconditional, gets the good body and passes; a
 * good body is cached and answered by 304 from then on.
 *
 * <p>Before the fix the broken body was cached under its ETag: the next requests got 304 and the
 * probe judged the broken body again and again, until restart.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PokeApiDoubleResource.class)
class CorruptedBodiesAreNotCachedTest {

  private static final String ENDPOINT = "berry";
  private static KafkaEvents events;

  @InjectPokeApiDouble PokeApiDouble pokeApi;
  @Inject EndpointGuards guards;
  @Inject EtagCache etags;

  @BeforeAll
  static void consume() {
    events = KafkaEvents.fromNow(KafkaBroker.shared().bootstrapServers());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    events.close();
  }

  @BeforeEach
  @AfterEach
  void healthy() {
    pokeApi.faults().clear();
    guards.reset(ENDPOINT);
    etags.clear();
  }

  private record Lookup(CheckResult check, List<ApiResponseCaptured> captures) {}

  private Lookup lookup() {
    UUID run = ProbeTestSupport.startRun("smoke", null, List.of("berry/2"));
    ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(60));
    events.awaitFinished(run, Duration.ofSeconds(30));
    CheckResult check =
        events.checks(run).stream()
            .filter(c -> c.checkName().equals("berry.by-id"))
            .findFirst()
            .orElseThrow();
    return new Lookup(check, events.responses(run));
  }

  @ParameterizedTest
  @EnumSource(
      value = FaultKind.class,
      names = {"MALFORMED_JSON", "TRUNCATED_JSON", "WRONG_CONTENT_TYPE"})
  void aBrokenBodyIsNeverJudgedAgainOnceTheApiIsHealthy(FaultKind fault) {
    FaultRule broken = pokeApi.faults().add(FaultRule.on(ENDPOINT, fault));
    Lookup during = lookup();
    assertThat(during.check().status()).isEqualTo(CheckStatus.FAILED);
    assertThat(during.check().failureType()).isIn(FailureType.INVALID_JSON, FailureType.ASSERTION);
    assertThat(during.captures()).extracting(ApiResponseCaptured::status).containsExactly(200);
    pokeApi.faults().remove(broken.id());

    Lookup after = lookup();

    assertThat(after.captures())
        .as("unconditional: nothing of the broken body was kept")
        .extracting(ApiResponseCaptured::status)
        .containsExactly(200);
    assertThat(after.check().status()).isEqualTo(CheckStatus.PASSED);

    Lookup cached = lookup();
    assertThat(cached.captures())
        .as("the good body is cached and revalidated")
        .extracting(ApiResponseCaptured::status)
        .containsExactly(304);
    assertThat(cached.check().status()).isEqualTo(CheckStatus.PASSED);
  }
}
