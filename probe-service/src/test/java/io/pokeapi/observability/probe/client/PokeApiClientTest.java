package io.pokeapi.observability.probe.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import io.pokeapi.observability.probe.logging.ProbeLog;
import io.pokeapi.observability.probe.support.InjectPokeApiDouble;
import io.pokeapi.observability.probe.support.PokeApiDoubleResource;
import io.pokeapi.observability.probe.support.ProbeTestSupport;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's manners: conditional requests, and one structured log line per request and check.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PokeApiDoubleResource.class)
class PokeApiClientTest {

  @InjectPokeApiDouble PokeApiDouble pokeApi;
  @Inject PokeApiClient client;
  @Inject EtagCache etags;

  private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record instanceof ExtLogRecord ext) {
            ext.copyMdc();
            records.add(ext);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLogs() {
    Logger.getLogger("io.pokeapi.observability.probe").addHandler(capture);
  }

  @AfterEach
  void releaseLogs() {
    Logger.getLogger("io.pokeapi.observability.probe").removeHandler(capture);
  }

  @Test
  void aResourceSeenBeforeIsAskedForConditionallyAndA304ReusesItsBody() throws Exception {
    etags.clear();
    long notModifiedBefore = pokeApi.metrics().requests("pokemon", 304);

    ApiExchange first = client.get(ApiRequest.of("pokemon/133/"), ProbeLog.Context.NONE);
    // a body is cached only once it passed parsing (RunContext does that for every run)
    client.cacheValidBody(first.url(), first.answer().orElseThrow());
    ApiExchange second = client.get(ApiRequest.of("pokemon/133/"), ProbeLog.Context.NONE);

    HttpAnswer fresh = first.answer().orElseThrow();
    HttpAnswer reused = second.answer().orElseThrow();
    assertThat(fresh.notModified()).isFalse();
    assertThat(fresh.headers().etag()).startsWith("W/\"");
    assertThat(reused.notModified()).isTrue();
    assertThat(reused.wireStatus()).isEqualTo(304);
    assertThat(reused.status()).isEqualTo(200);
    assertThat(reused.body()).isEqualTo(fresh.body());
    assertThat(pokeApi.metrics().requests("pokemon", 304) - notModifiedBefore).isEqualTo(1);
  }

  @Test
  void everyRequestAndEveryCheckLogsOneLineWithItsRunSuiteCheckEndpointUrlStatusAndDuration() {
    UUID run = ProbeTestSupport.startRun("smoke", null, List.of("type/fire"));
    ProbeTestSupport.awaitEnd(run, Duration.ofSeconds(60));

    List<ExtLogRecord> requests =
        records.stream()
            .filter(r -> r.getLoggerName().equals("io.pokeapi.observability.probe.request"))
            .filter(r -> run.toString().equals(r.getMdc("runId")))
            .toList();
    assertThat(requests).hasSize(1);
    Map<String, String> request = requests.get(0).getMdcCopy();
    assertThat(request)
        .containsEntry("suite", "smoke")
        .containsEntry("check", "type.by-name")
        .containsEntry("endpoint", "type")
        .containsEntry("method", "GET")
        .containsEntry("status", "200")
        .containsKey("durationMs")
        .containsEntry("attempt", "1");
    assertThat(request.get("url")).endsWith("/api/v2/type/fire/");

    List<ExtLogRecord> checks =
        records.stream()
            .filter(r -> r.getLoggerName().equals("io.pokeapi.observability.probe.check"))
            .filter(r -> run.toString().equals(r.getMdc("runId")))
            .toList();
    assertThat(checks)
        .extracting(r -> r.getMdc("check"))
        .containsExactlyInAnyOrder("type.by-name", "type.contract");
    assertThat(checks)
        .allSatisfy(
            r -> {
              assertThat(r.getMdc("checkStatus")).isEqualTo("passed");
              assertThat(r.getMdc("url")).endsWith("/api/v2/type/fire/");
              assertThat(r.getMdc("status")).isEqualTo("200");
              assertThat(r.getMdc("durationMs")).isNotNull();
              assertThat(r.getMdc("suite")).isEqualTo("smoke");
              assertThat(r.getMdc("endpoint")).isEqualTo("type");
            });
  }
}
