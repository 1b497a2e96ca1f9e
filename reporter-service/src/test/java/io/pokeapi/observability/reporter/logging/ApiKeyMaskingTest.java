package io.pokeapi.observability.reporter.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStarted;
import io.pokeapi.observability.common.contract.RunStatus;
import io.pokeapi.observability.common.contract.RunTotals;
import io.pokeapi.observability.common.contract.RunTrigger;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.common.testsupport.PostgresDatabaseResource;
import io.pokeapi.observability.reporter.reporting.FullRunReportingTest;
import io.pokeapi.observability.reporter.support.Events;
import io.pokeapi.observability.reporter.support.RpDouble;
import io.pokeapi.observability.reporter.support.RpDoubleResource;
import io.pokeapi.observability.reporter.support.TopicsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With client-java's HTTP logging on (it logs every request's headers, the bearer key included) and
 * a phase where ReportPortal refuses requests, the key appears in no captured log line: every line
 * the service wrote to its log file is searched.
 */
@QuarkusTest
@TestProfile(ApiKeyMaskingTest.HttpLogging.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(TopicsResource.class)
@WithTestResource(PostgresDatabaseResource.class)
@WithTestResource(RpDoubleResource.class)
class ApiKeyMaskingTest {

  static final Path LOG = Path.of("target", "reporter-masking-test.log");

  /** HTTP logging and a log file. */
  public static class HttpLogging implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "reporter.rp.http-logging", "true",
          "quarkus.log.file.enabled", "true",
          "quarkus.log.file.path", LOG.toString(),
          "quarkus.log.file.json.enabled", "false");
    }
  }

  @Test
  void theApiKeyIsInNoLogLine() throws Exception {
    UUID run = UUID.randomUUID();
    Instant t0 = Instant.now();
    RunStarted started = RunStarted.of(run, "smoke", RunTrigger.API, List.of("pokemon"), t0);
    try (Events events = new Events()) {
      events.run(started);
      RpDouble.mode("{\"mode\":\"fail\",\"status\":500,\"count\":3}");
      events.check(
          CheckResult.failed(
              run,
              "smoke",
              "pokemon.by-id",
              "pokemon",
              FailureType.TIMEOUT,
              "no answer",
              List.of(),
              1,
              t0,
              t0.plusMillis(3),
              List.of()));
      events.run(
          RunFinished.of(
              started, t0.plusSeconds(1), new RunTotals(1, 0, 1, 0), RunStatus.COMPLETED));
    }
    FullRunReportingTest.awaitFinishedLaunch(run);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Files.exists(LOG)
                    && Files.readString(LOG).contains("Bearer " + SecretMaskingFilter.MASK));
    String log = Files.readString(LOG, StandardCharsets.UTF_8);
    assertThat(log).contains("Authorization: Bearer ***"); // the header was logged, masked
    assertThat(log).contains("HTTP 500"); // the refused phase was logged too
    assertThat(log).doesNotContain(RpDoubleResource.API_KEY);
  }
}
