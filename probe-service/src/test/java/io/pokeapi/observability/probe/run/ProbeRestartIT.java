package io.pokeapi.observability.probe.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStatus;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import io.pokeapi.observability.pokeapidouble.DoubleConfig;
import io.pokeapi.observability.pokeapidouble.PokeApiDouble;
import io.pokeapi.observability.pokeapidouble.fault.FaultKind;
import io.pokeapi.observability.pokeapidouble.fault.FaultRule;
import io.pokeapi.observability.probe.support.Fixtures;
import io.pokeapi.observability.probe.support.KafkaEvents;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged probe (target/quarkus-app) killed with SIGKILL in the middle of a run and started
 * again (issue 9, item 8): after the restart the run is {@code aborted} at {@code GET
 * /api/runs/{id}} and on {@code pokeapi.run-events} (a {@code RunFinished} the diff service can
 * close the run with), and a new run completes. Real broker, real PokéAPI double, real process.
 */
class ProbeRestartIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Process startProbe(
      Path jar, int port, String kafka, PokeApiDouble pokeApi, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
    env.put("PROBE_POKEAPI_BASE_URL", pokeApi.baseUrl() + "/api/v2");
    env.put("PROBE_CONTRACT_SCHEMA_LOCATION", Fixtures.schemaDir().toString());
    env.put("PROBE_INSTANCE_ID", "probe-restart-it");
    env.put("PROBE_SCHEDULE_SMOKE", "off");
    env.put("PROBE_SCHEDULE_REGRESSION", "off");
    env.put("PROBE_SCHEDULE_SWEEP", "off");
    env.put("PROBE_RATE_CAP_REQUESTS_PER_SECOND", "0");
    env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return builder.start();
  }

  private static HttpResponse<String> call(String method, URI uri, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void awaitUp(String base, Process process) {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> {
              assertThat(process.isAlive()).as("the probe process is running").isTrue();
              return call("GET", URI.create(base + "/api/runs"), null).statusCode() == 200;
            });
  }

  private static UUID startSmoke(String base, List<String> resources) throws Exception {
    String body =
        JSON.writeValueAsString(Map.of("suite", "smoke", "resources", resources, "reruns", 0));
    HttpResponse<String> started = call("POST", URI.create(base + "/api/runs"), body);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    return UUID.fromString(JSON.readTree(started.body()).path("id").asText());
  }

  @Test
  void aRunCutShortByKill9IsAbortedAfterTheRestartAndANewRunCompletes() throws Exception {
    Path jar = Path.of(System.getProperty("probe.jar", "target/quarkus-app/quarkus-run.jar"));
    assertThat(jar).as("package the service first (mvn verify runs this after package)").exists();
    String kafka = KafkaBroker.shared().bootstrapServers();
    Path log = Files.createDirectories(Path.of("target", "restart-it")).resolve("probe.log");
    Files.deleteIfExists(log);
    int port = freePort();
    String base = "http://127.0.0.1:" + port;
    Process probe = null;
    try (PokeApiDouble pokeApi =
            PokeApiDouble.start(
                DoubleConfig.builder(Fixtures.dataDir()).host("127.0.0.1").port(0).build());
        KafkaEvents events = KafkaEvents.fromNow(kafka)) {
      // every answer takes 400 ms, so that the run is still going when the probe is killed
      FaultRule slow =
          pokeApi.faults().add(FaultRule.everywhere(FaultKind.LATENCY).withLatencyMs(400));
      probe = startProbe(jar, port, kafka, pokeApi, log);
      awaitUp(base, probe);
      List<String> resources = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        resources.addAll(List.of("stat/1", "stat/2", "stat/3", "berry/1", "berry/2", "berry/3"));
      }
      UUID cut = startSmoke(base, resources);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> !events.checks(cut).isEmpty() && events.started(cut) != null);

      probe.destroyForcibly(); // SIGKILL: no shutdown hook, no RunFinished
      probe.waitFor();
      assertThat(events.runEvents(cut)).noneMatch(RunFinished.class::isInstance);

      pokeApi.faults().remove(slow.id());
      probe = startProbe(jar, port, kafka, pokeApi, log);
      awaitUp(base, probe);

      RunFinished aborted = events.awaitFinished(cut, Duration.ofSeconds(90));
      assertThat(aborted.status()).isEqualTo(RunStatus.ABORTED);
      JsonNode view =
          await()
              .atMost(Duration.ofSeconds(60))
              .ignoreExceptions()
              .until(
                  () ->
                      JSON.readTree(
                          call("GET", URI.create(base + "/api/runs/" + cut), null).body()),
                  v -> "aborted".equals(v.path("status").asText()));
      assertThat(view.path("verdict").asText()).isEqualTo("incomplete");

      UUID next = startSmoke(base, List.of("stat/1", "berry/1"));
      RunFinished done = events.awaitFinished(next, Duration.ofSeconds(90));
      assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(done.totals().failed()).isZero();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> events.responses(next).size() == done.capturesPublished());
    } finally {
      if (probe != null) {
        probe.destroyForcibly();
        probe.waitFor();
      }
    }
  }
}
