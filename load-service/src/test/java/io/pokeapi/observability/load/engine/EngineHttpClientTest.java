package io.pokeapi.observability.load.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pokeapi.observability.load.metrics.LoadMeters;
import io.pokeapi.observability.load.profile.Checks;
import io.pokeapi.observability.load.profile.LoadModel;
import io.pokeapi.observability.load.profile.LoadProfile;
import io.pokeapi.observability.load.profile.RequestSpec;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.NetServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's HTTP client against a real server (a Vert.x HttpServer, and a raw TCP server for
 * what HTTP servers rarely do): connections kept alive and reused, connections the server closes
 * reopened, chunked bodies, answers slower than the timeout, the body check across chunks, HTTP/1.0
 * bodies that end with the connection, and garbage counted as connection failures.
 */
class EngineHttpClientTest {

  private static Vertx vertx;
  private static HttpServer server;
  private static NetServer raw;
  private static LoadEngine engine;
  private static final AtomicInteger connections = new AtomicInteger();
  private static final AtomicLong served = new AtomicLong();
  private static final Map<String, AtomicLong> byPath = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    server =
        EngineTestSupport.await(
            vertx
                .createHttpServer()
                .connectionHandler(c -> connections.incrementAndGet())
                .requestHandler(EngineHttpClientTest::answer)
                .listen(0, "127.0.0.1"));
    raw =
        EngineTestSupport.await(
            vertx
                .createNetServer()
                .connectHandler(
                    socket ->
                        socket.handler(
                            request -> {
                              String text = request.toString();
                              if (text.contains("/garbage")) {
                                socket.write("SMTP ready\r\n\r\n").onComplete(v -> socket.close());
                              } else {
                                // HTTP/1.0 without a length: the body ends when the connection does
                                socket
                                    .write(
                                        "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nold style body")
                                    .onComplete(v -> socket.close());
                              }
                            }))
                .listen(0, "127.0.0.1"));
    engine = EngineTestSupport.engine(new LoadMeters(new SimpleMeterRegistry()));
  }

  private static void answer(HttpServerRequest request) {
    served.incrementAndGet();
    byPath.computeIfAbsent(request.path(), p -> new AtomicLong()).incrementAndGet();
    switch (request.path()) {
      case "/keep-alive" -> request.response().end("{\"name\":\"pikachu\"}");
      case "/close" ->
          request.response().putHeader("Connection", "close").end("{\"name\":\"pikachu\"}");
      case "/chunked" -> {
        // the needle "pikachu" is split across two chunks
        var response = request.response().setChunked(true);
        response.write("{\"name\":\"pika");
        vertx.setTimer(
            2,
            id -> {
              response.write("chu\",\"id\":25");
              response.end("}");
            });
      }
      case "/slow" -> vertx.setTimer(1500, id -> request.response().end("late"));
      default -> request.response().setStatusCode(404).end();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    engine.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void resetCounts() {
    connections.set(0);
    served.set(0);
    byPath.clear();
  }

  private static String base() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  private static ShareResult run(LoadProfile profile) throws Exception {
    return EngineTestSupport.run(engine, profile);
  }

  private static LoadProfile.Builder fixed(String baseUrl, String path, int connections) {
    return LoadProfile.builder(LoadModel.FIXED_CONNECTIONS)
        .baseUrl(baseUrl)
        .requests(RequestSpec.of(path))
        .connections(connections)
        .duration(Duration.ofMillis(800));
  }

  @Test
  void connectionsAreKeptAliveAndReused() throws Exception {
    ShareResult result = run(fixed(base(), "/keep-alive", 4).build());

    assertThat(result.requests()).isGreaterThan(100);
    assertThat(result.errorsByKind()).isEmpty();
    // the warm-up is unmeasured but served too: all of it went over the same 4 connections
    assertThat(served.get()).isEqualTo(result.requests() + result.warmupRequests());
    assertThat(connections.get()).isEqualTo(4);
  }

  @Test
  void requestsWaitingForAConnectionTakeItWhenItIsFree() throws Exception {
    // 400 arrivals/s on one connection of a server taking a few ms per answer: many arrive while
    // it is busy, wait, and go out on it as soon as the previous answer has freed it
    LoadProfile profile =
        LoadProfile.builder(LoadModel.OPEN)
            .baseUrl(base())
            .requests(RequestSpec.of("/chunked"))
            .rate(400)
            .duration(Duration.ofSeconds(1))
            .maxConnections(1)
            .checks(new Checks(null, "pikachu"))
            .build();

    ShareResult result = run(profile);

    assertThat(result.requests()).isEqualTo(400);
    assertThat(result.errorsByKind()).isEmpty();
    assertThat(result.endpoints().get(0).statuses()).isEqualTo(Map.of("200", 400L));
    assertThat(connections.get()).isEqualTo(1);
    assertThat(Histograms.decode(result.connectionWait()).getMaxValue()).isPositive();
  }

  @Test
  void connectionsTheServerClosesAreReopened() throws Exception {
    ShareResult result = run(fixed(base(), "/close", 2).build());

    assertThat(result.requests()).isGreaterThan(20);
    assertThat(result.errorsByKind()).isEmpty();
    assertThat(result.endpoints().get(0).statuses()).containsOnlyKeys("200");
    // one connection per request
    assertThat(connections.get()).isGreaterThanOrEqualTo((int) served.get());
  }

  @Test
  void chunkedBodiesAreReadAndCheckedAcrossChunks() throws Exception {
    ShareResult found =
        run(fixed(base(), "/chunked", 2).checks(new Checks(null, "pikachu")).build());
    ShareResult missing =
        run(fixed(base(), "/chunked", 2).checks(new Checks(null, "raichu")).build());

    assertThat(found.requests()).isGreaterThan(10);
    assertThat(found.errorsByKind()).isEmpty();
    assertThat(missing.requests()).isGreaterThan(10);
    assertThat(missing.errorsByKind()).containsOnlyKeys("assertion");
    assertThat(missing.errorsByKind().get("assertion")).isEqualTo(missing.requests());
  }

  @Test
  void answersSlowerThanTheTimeoutAreTimeouts() throws Exception {
    LoadProfile profile =
        LoadProfile.builder(LoadModel.OPEN)
            .baseUrl(base())
            .requests(RequestSpec.of("/slow"))
            .rate(10)
            .duration(Duration.ofSeconds(1))
            .maxConnections(20)
            .timeout(Duration.ofMillis(300))
            .build();

    ShareResult result = run(profile);

    assertThat(result.requests()).isEqualTo(10);
    assertThat(result.errorsByKind()).containsOnlyKeys("timeout");
    assertThat(result.errorsByKind().get("timeout")).isEqualTo(10);
    assertThat(result.endpoints().get(0).statuses()).containsOnlyKeys("timeout");
    // each timed out after about 300 ms, not when the server finally answered
    assertThat(Histograms.decode(result.histogram()).getMaxValue()).isBetween(290_000L, 1_000_000L);
  }

  @Test
  void anHttp10BodyEndsWithTheConnection() throws Exception {
    ShareResult result =
        run(
            fixed("http://127.0.0.1:" + raw.actualPort(), "/old", 1)
                .checks(new Checks(null, "old style body"))
                .build());

    assertThat(result.requests()).isGreaterThan(5);
    assertThat(result.errorsByKind()).isEmpty();
    assertThat(result.endpoints().get(0).statuses()).containsOnlyKeys("200");
  }

  @Test
  void garbageInsteadOfAnAnswerIsAConnectionFailure() throws Exception {
    ShareResult result = run(fixed("http://127.0.0.1:" + raw.actualPort(), "/garbage", 1).build());

    assertThat(result.requests()).isPositive();
    assertThat(result.errorsByKind()).containsOnlyKeys("connection");
    assertThat(result.errorsByKind().get("connection")).isEqualTo(result.requests());
  }

  @Test
  void aRefusedConnectionIsAConnectionFailure() throws Exception {
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    LoadProfile profile =
        LoadProfile.builder(LoadModel.OPEN)
            .baseUrl("http://127.0.0.1:" + port)
            .requests(RequestSpec.of("/nothing"))
            .rate(20)
            .duration(Duration.ofSeconds(1))
            .build();

    ShareResult result = run(profile);

    assertThat(result.requests()).isEqualTo(20);
    assertThat(result.errorsByKind()).isEqualTo(Map.of("connection", 20L));
    assertThat(List.copyOf(result.endpoints().get(0).statuses().keySet()))
        .containsExactly("connection");
  }
}
