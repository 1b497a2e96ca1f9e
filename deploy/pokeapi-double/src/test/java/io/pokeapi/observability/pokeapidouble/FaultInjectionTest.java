package io.pokeapi.observability.pokeapidouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pokeapi.observability.pokeapidouble.fault.FaultKind;
import io.pokeapi.observability.pokeapidouble.fault.FaultRule;
import io.pokeapi.observability.pokeapidouble.support.DoubleHttp;
import io.pokeapi.observability.pokeapidouble.support.Fixtures;
import io.pokeapi.observability.pokeapidouble.support.RawHttp;
import io.pokeapi.observability.pokeapidouble.support.Reply;
import io.pokeapi.observability.pokeapidouble.support.RunningDouble;
import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fault kind, its scope, its rate and its counter. */
class FaultInjectionTest {

  private static final String PIKACHU = "/api/v2/pokemon/25/";

  private final ObjectMapper mapper = new ObjectMapper();
  private PokeApiDouble pokeApi;
  private DoubleHttp http;
  private Reply normal;

  @BeforeEach
  void start() {
    pokeApi = RunningDouble.on(Fixtures.dataDir(), c -> c.faultSeed(42L));
    http = new DoubleHttp(pokeApi.baseUrl());
    normal = http.get(PIKACHU);
  }

  @AfterEach
  void stop() {
    pokeApi.close();
  }

  @Test
  void latencyDelaysTheNormalAnswer() {
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.LATENCY).withLatencyMs(300));

    long started = System.nanoTime();
    Reply reply = http.get(PIKACHU);
    long tookMs = (System.nanoTime() - started) / 1_000_000;

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo(normal.body());
    assertThat(tookMs).isGreaterThanOrEqualTo(300);
    assertThat(pokeApi.metrics().faultsInjected("pokemon", FaultKind.LATENCY)).isEqualTo(1);
  }

  @Test
  void stallHoldsTheRequestWithoutAnswering() {
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.STALL));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(pokeApi.baseUrl() + PIKACHU))
            .timeout(Duration.ofMillis(500))
            .build();

    assertThatThrownBy(
            () -> DoubleHttp.client().send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(pokeApi.metrics().faultsInjected("pokemon", FaultKind.STALL)).isEqualTo(1);
    assertThat(pokeApi.metrics().requests("pokemon", "none")).isEqualTo(1);
  }

  @Test
  void aTimedStallClosesTheConnectionWithoutAnAnswer() {
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.STALL).withStallMs(200));

    assertThatThrownBy(() -> RawHttp.get(pokeApi.port(), PIKACHU, "pokeapi.test"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no complete HTTP head");
  }

  @Test
  void http500And503AreAnsweredAsTheLiveStackDoes() {
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.HTTP_500));
    pokeApi.faults().add(FaultRule.on("type", FaultKind.HTTP_503));

    Reply serverError = http.get(PIKACHU);
    Reply unavailable = http.get("/api/v2/type/1/");

    assertThat(serverError.status()).isEqualTo(500);
    assertThat(serverError.text()).isEqualTo("Internal Server Error");
    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.text()).isEqualTo("Service Unavailable");
    assertThat(pokeApi.metrics().faultsInjected("pokemon", FaultKind.HTTP_500)).isEqualTo(1);
    assertThat(pokeApi.metrics().faultsInjected("type", FaultKind.HTTP_503)).isEqualTo(1);
    assertThat(pokeApi.metrics().requests("type", 503)).isEqualTo(1);
  }

  @Test
  void tooManyRequestsCarriesRetryAfter() {
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.HTTP_429).withRetryAfterSeconds(17));

    Reply reply = http.get(PIKACHU);

    assertThat(reply.status()).isEqualTo(429);
    assertThat(reply.header("retry-after")).isEqualTo("17");
  }

  @Test
  void aCloudflareChallengeIs403WithCfMitigated() {
    pokeApi.faults().add(FaultRule.everywhere(FaultKind.HTTP_403_CHALLENGE));

    Reply reply = http.get(PIKACHU);

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.header("cf-mitigated")).isEqualTo("challenge");
    assertThat(reply.header("content-type")).startsWith("text/html");
    assertThat(reply.text()).contains("Just a moment...");
  }

  @Test
  void connectionResetSendsARst() {
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.CONNECTION_RESET));

    assertThatThrownBy(() -> RawHttp.get(pokeApi.port(), PIKACHU, "pokeapi.test"))
        .isInstanceOf(SocketException.class)
        .hasMessageContaining("reset");
    assertThat(pokeApi.metrics().faultsInjected("pokemon", FaultKind.CONNECTION_RESET))
        .isEqualTo(1);
  }

  @Test
  void malformedJsonKeepsStatusAndHeadersButIsNotJson() {
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.MALFORMED_JSON));

    Reply reply = http.get(PIKACHU);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("content-type")).isEqualTo("application/json; charset=utf-8");
    assertThat(reply.header("content-length")).isEqualTo(Integer.toString(reply.body().length));
    assertThatThrownBy(() -> mapper.readTree(reply.body()))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void truncatedJsonIsACompleteAnswerWithHalfTheBody() {
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.TRUNCATED_JSON));

    Reply reply = http.get(PIKACHU);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().length).isEqualTo(normal.body().length / 2);
    assertThat(normal.text()).startsWith(reply.text());
    assertThatThrownBy(() -> mapper.readTree(reply.body()))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void aTruncatedTransferAnnouncesMoreThanItSends() throws IOException {
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.TRUNCATED_TRANSFER));

    Reply reply = RawHttp.get(pokeApi.port(), PIKACHU, "127.0.0.1:" + pokeApi.port());

    assertThat(Integer.parseInt(reply.header("content-length"))).isEqualTo(normal.body().length);
    assertThat(reply.body().length).isEqualTo(normal.body().length / 2);
  }

  @Test
  void wrongContentTypeKeepsTheJsonBody() {
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.WRONG_CONTENT_TYPE));
    pokeApi
        .faults()
        .add(FaultRule.on("type", FaultKind.WRONG_CONTENT_TYPE).withContentType("text/xml"));

    Reply html = http.get(PIKACHU);
    Reply xml = http.get("/api/v2/type/1/");

    assertThat(html.header("content-type")).isEqualTo("text/html; charset=utf-8");
    assertThat(html.headers().get("content-type")).hasSize(1);
    assertThat(html.body()).isEqualTo(normal.body());
    assertThat(xml.header("content-type")).isEqualTo("text/xml");
  }

  @Test
  void anOversizedBodyIsPaddedToTheSizeAndStaysJson() throws IOException {
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.OVERSIZED_BODY).withSizeBytes(300_000));

    Reply reply = http.get(PIKACHU);

    assertThat(reply.body()).hasSize(300_000);
    assertThat(mapper.readTree(reply.body())).isEqualTo(mapper.readTree(normal.body()));
  }

  @Test
  void rulesApplyOnlyToTheirEndpointAndGlobalRulesToAll() {
    pokeApi.faults().add(FaultRule.on("type", FaultKind.HTTP_500));

    assertThat(http.get(PIKACHU).status()).isEqualTo(200);
    assertThat(http.get("/api/v2/type/1/").status()).isEqualTo(500);

    pokeApi.faults().add(FaultRule.everywhere(FaultKind.HTTP_503));

    assertThat(http.get(PIKACHU).status()).isEqualTo(503);
    assertThat(http.get("/api/v2/type/1/").status()).isEqualTo(500);
    assertThat(http.get("/api/v2/").status()).isEqualTo(503);
  }

  @Test
  void aRateOfOneAlwaysFiresAndZeroNever() {
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.HTTP_500).withRate(1.0));
    pokeApi.faults().add(FaultRule.on("type", FaultKind.HTTP_500).withRate(0.0));

    for (int i = 0; i < 50; i++) {
      assertThat(http.get(PIKACHU).status()).isEqualTo(500);
      assertThat(http.get("/api/v2/type/1/").status()).isEqualTo(200);
    }
    assertThat(pokeApi.metrics().faultsInjected("pokemon", FaultKind.HTTP_500)).isEqualTo(50);
    assertThat(pokeApi.metrics().faultsInjected("type", FaultKind.HTTP_500)).isZero();
  }

  @Test
  void aSeedMakesTheFaultSequenceRepeatable() {
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.HTTP_503).withRate(0.5));

    List<Integer> first = statuses(60);
    pokeApi.faults().reseed(42L);
    List<Integer> again = statuses(60);
    pokeApi.faults().reseed(4242L);
    List<Integer> otherSeed = statuses(60);

    assertThat(again).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
    assertThat(first).contains(200, 503);
    long faulted = first.stream().filter(s -> s == 503).count();
    assertThat(pokeApi.metrics().faultsInjected("pokemon", FaultKind.HTTP_503))
        .isEqualTo(
            faulted
                + again.stream().filter(s -> s == 503).count()
                + otherSeed.stream().filter(s -> s == 503).count());
  }

  @Test
  void countedFaultsMatchWhatTheClientSaw() {
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.HTTP_500).withRate(0.3));
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.HTTP_429).withRate(0.3));

    List<Integer> seen = statuses(100);

    assertThat(pokeApi.metrics().faultsInjected("pokemon", FaultKind.HTTP_500))
        .isEqualTo(seen.stream().filter(s -> s == 500).count());
    assertThat(pokeApi.metrics().faultsInjected("pokemon", FaultKind.HTTP_429))
        .isEqualTo(seen.stream().filter(s -> s == 429).count());
    assertThat(pokeApi.metrics().requests("pokemon", 200))
        .isEqualTo(1 + seen.stream().filter(s -> s == 200).count());
  }

  @Test
  void latencyCombinesWithAnotherFault() {
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.LATENCY).withLatencyMs(100));
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.HTTP_503));

    assertThat(http.get(PIKACHU).status()).isEqualTo(503);
    assertThat(pokeApi.metrics().faultsInjected("pokemon", FaultKind.LATENCY)).isEqualTo(1);
    assertThat(pokeApi.metrics().faultsInjected("pokemon", FaultKind.HTTP_503)).isEqualTo(1);
  }

  @Test
  void bodyFaultsDoNotFireWhenThereIsNoBody() {
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.MALFORMED_JSON));

    Reply notModified = http.get(PIKACHU, "If-None-Match", normal.header("etag"));
    Reply head = http.head(PIKACHU);

    assertThat(notModified.status()).isEqualTo(304);
    assertThat(head.status()).isEqualTo(200);
    assertThat(pokeApi.metrics().faultsInjected("pokemon", FaultKind.MALFORMED_JSON)).isZero();
  }

  @Test
  void clearingRulesRestoresNormalAnswers() {
    FaultRule rule = pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.HTTP_500));
    assertThat(http.get(PIKACHU).status()).isEqualTo(500);

    assertThat(pokeApi.faults().remove(rule.id())).isTrue();

    assertThat(http.get(PIKACHU).status()).isEqualTo(200);
    pokeApi.faults().add(FaultRule.everywhere(FaultKind.HTTP_500));
    pokeApi.faults().clear();
    assertThat(http.get(PIKACHU).status()).isEqualTo(200);
  }

  @Test
  void stalledRequestsAreReleasedWhenTheClientGivesUp() throws Exception {
    pokeApi.faults().add(FaultRule.on("pokemon", FaultKind.STALL));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(pokeApi.baseUrl() + PIKACHU))
            .timeout(Duration.ofMillis(300))
            .build();
    try {
      DoubleHttp.client().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException expected) {
      // the client gave up
    }

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> gauge("pokeapi_double_stalled_requests") == 0);
  }

  private double gauge(String name) {
    return pokeApi
        .metrics()
        .scrape()
        .lines()
        .filter(l -> l.startsWith(name + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(name.length() + 1)))
        .findFirst()
        .orElse(Double.NaN);
  }

  private List<Integer> statuses(int requests) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      statuses.add(http.get(PIKACHU).status());
    }
    return statuses;
  }
}
