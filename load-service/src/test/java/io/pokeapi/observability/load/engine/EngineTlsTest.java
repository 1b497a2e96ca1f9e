package io.pokeapi.observability.load.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pokeapi.observability.load.metrics.LoadMeters;
import io.pokeapi.observability.load.profile.LoadModel;
import io.pokeapi.observability.load.profile.LoadProfile;
import io.pokeapi.observability.load.profile.RequestSpec;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Load against an https target (as pokeapi.co is): the engine's client speaks TLS with the JVM's
 * trust store, checks the server's host name, and counts a certificate it cannot trust as
 * connection failures rather than sending anything.
 */
class EngineTlsTest {

  private static final String[] TRUST_PROPERTIES = {
    "javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType"
  };

  private static Vertx vertx;
  private static HttpServer server;
  private static LoadEngine engine;
  private static final AtomicLong served = new AtomicLong();
  private static final String[] saved = new String[TRUST_PROPERTIES.length];

  @BeforeAll
  static void start() throws Exception {
    // the server's key and self-signed certificate for localhost, made by the JDK's keytool
    Path dir = Files.createTempDirectory("load-tls");
    Path serverStore = dir.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "localhost",
                "-keyalg",
                "EC",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                serverStore.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor()).as("keytool: %s", output).isZero();
    KeyStore serverKeys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(serverStore)) {
      serverKeys.load(in, "changeit".toCharArray());
    }
    // the JVM's trust store for this test: that certificate only
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("localhost", serverKeys.getCertificate("localhost"));
    Path store = dir.resolve("trust.p12");
    try (OutputStream out = Files.newOutputStream(store)) {
      trust.store(out, "changeit".toCharArray());
    }
    for (int i = 0; i < TRUST_PROPERTIES.length; i++) {
      saved[i] = System.getProperty(TRUST_PROPERTIES[i]);
    }
    System.setProperty("javax.net.ssl.trustStore", store.toString());
    System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");

    vertx = Vertx.vertx();
    server =
        EngineTestSupport.await(
            vertx
                .createHttpServer(
                    new HttpServerOptions()
                        .setSsl(true)
                        .setKeyCertOptions(
                            new PfxOptions()
                                .setPath(serverStore.toString())
                                .setPassword("changeit")))
                .requestHandler(
                    request -> {
                      served.incrementAndGet();
                      request.response().end("{\"name\":\"pikachu\"}");
                    })
                .listen(0, "127.0.0.1"));
    engine = EngineTestSupport.engine(new LoadMeters(new SimpleMeterRegistry()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (engine != null) {
      engine.close();
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    for (int i = 0; i < TRUST_PROPERTIES.length; i++) {
      if (saved[i] == null) {
        System.clearProperty(TRUST_PROPERTIES[i]);
      } else {
        System.setProperty(TRUST_PROPERTIES[i], saved[i]);
      }
    }
  }

  private static ShareResult run(String host) throws Exception {
    LoadProfile profile =
        LoadProfile.builder(LoadModel.FIXED_CONNECTIONS)
            .baseUrl("https://" + host + ":" + server.actualPort())
            .requests(RequestSpec.of("/pokemon/25/"))
            .connections(2)
            .duration(Duration.ofMillis(800))
            .build();
    return EngineTestSupport.run(engine, profile);
  }

  @Test
  void aTrustedServerIsLoadedOverTls() throws Exception {
    long before = served.get();
    ShareResult result = run("localhost");

    assertThat(result.requests()).isGreaterThan(10);
    assertThat(result.errorsByKind()).isEmpty();
    assertThat(served.get() - before).isEqualTo(result.requests() + result.warmupRequests());
  }

  @Test
  void aCertificateForAnotherHostIsAConnectionFailure() throws Exception {
    long before = served.get();
    // the certificate names localhost, not 127.0.0.1: the host name check refuses it
    ShareResult result = run("127.0.0.1");

    assertThat(served.get()).isEqualTo(before);
    assertThat(result.errorsByKind()).containsOnlyKeys(FailureKind.CONNECTION.wireName());
  }
}
