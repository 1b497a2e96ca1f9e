package io.pokeapi.observability.pokeapidouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pokeapi.observability.pokeapidouble.support.DoubleHttp;
import io.pokeapi.observability.pokeapidouble.support.Fixtures;
import io.pokeapi.observability.pokeapidouble.support.RawHttp;
import io.pokeapi.observability.pokeapidouble.support.Reply;
import io.pokeapi.observability.pokeapidouble.support.RunningDouble;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9 item 10: the admin interface can change what the double serves, so neither another
 * machine nor a web page in the operator's browser may use it: it answers loopback connections only
 * by default, takes an optional token, refuses bodies that are not JSON and every cross-origin
 * request, and answers every refusal with problem+json.
 */
class AdminSecurityTest {

  private static final String FAULT = "{\"endpoint\": \"pokemon\", \"kind\": \"http_500\"}";

  @Test
  void byDefaultOnlyLoopbackConnectionsReachTheAdminInterfaceWhileTheApiAnswersEveryone()
      throws IOException {
    InetAddress external = nonLoopbackAddress().orElse(null);
    assumeTrue(external != null, "this machine has no non-loopback IPv4 address to connect to");
    try (PokeApiDouble pokeApi =
        RunningDouble.on(Fixtures.dataDir(), c -> c.host("0.0.0.0").adminEnabled(true))) {
      int port = pokeApi.port();
      String ip = external.getHostAddress();

      Reply fromOutside = RawHttp.send(ip, port, "GET", "/_admin/status", ip + ":" + port, null);
      Reply writeFromOutside =
          RawHttp.send(
              ip,
              port,
              "POST",
              "/_admin/faults",
              ip + ":" + port,
              FAULT,
              "Content-Type: application/json");
      Reply unknownPath = RawHttp.send(ip, port, "GET", "/no-such-page", ip + ":" + port, null);

      assertThat(fromOutside.status()).isEqualTo(404);
      assertThat(fromOutside.text()).isEqualTo(unknownPath.text());
      assertThat(writeFromOutside.status()).isEqualTo(404);
      assertThat(pokeApi.faults().rules()).as("rules after a write from outside").isEmpty();
      assertThat(
              RawHttp.send(ip, port, "GET", "/api/v2/pokemon/25/", ip + ":" + port, null).status())
          .as("the API itself answers on every interface")
          .isEqualTo(200);
      assertThat(new DoubleHttp("http://127.0.0.1:" + port).get("/_admin/status").status())
          .isEqualTo(200);
    }
  }

  @Test
  void adminHostZeroOpensTheAdminInterfaceToEveryInterface() throws IOException {
    InetAddress external = nonLoopbackAddress().orElse(null);
    assumeTrue(external != null, "this machine has no non-loopback IPv4 address to connect to");
    try (PokeApiDouble pokeApi =
        RunningDouble.on(
            Fixtures.dataDir(),
            c -> c.host("0.0.0.0").adminEnabled(true).adminHost("0.0.0.0").adminToken("t0ken"))) {
      String ip = external.getHostAddress();
      int port = pokeApi.port();

      Reply status =
          RawHttp.send(
              ip,
              port,
              "GET",
              "/_admin/status",
              ip + ":" + port,
              null,
              "Authorization: Bearer t0ken");

      assertThat(status.status()).isEqualTo(200);
      assertThat(status.json().get("adminTokenRequired").asBoolean()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/plain",
        "text/plain; charset=utf-8",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x"
      })
  void writesWhoseBodyIsNotJsonGet415AndChangeNothing(String contentType) throws IOException {
    try (PokeApiDouble pokeApi = RunningDouble.on(Fixtures.dataDir(), c -> c.adminEnabled(true))) {
      int port = pokeApi.port();
      for (String method : new String[] {"POST", "PUT"}) {
        Reply reply =
            RawHttp.send(
                "127.0.0.1",
                port,
                method,
                "/_admin/faults",
                "127.0.0.1:" + port,
                FAULT,
                "Content-Type: " + contentType);

        assertThat(reply.status()).as("%s with %s", method, contentType).isEqualTo(415);
        assertProblem(reply, 415);
        assertThat(reply.json().get("detail").asText()).contains(contentType);
      }
      Reply reload =
          RawHttp.send(
              "127.0.0.1",
              port,
              "POST",
              "/_admin/reload",
              "127.0.0.1:" + port,
              "{\"dataDir\": \"/tmp\"}",
              "Content-Type: " + contentType);
      assertThat(reload.status()).isEqualTo(415);
      assertThat(pokeApi.faults().rules()).isEmpty();
      assertThat(pokeApi.data().dataDir())
          .isEqualTo(Fixtures.dataDir().toAbsolutePath().normalize());
    }
  }

  @Test
  void aBodyWithoutContentTypeIsRefusedButJsonAndAnEmptyBodyAreServed() throws IOException {
    try (PokeApiDouble pokeApi = RunningDouble.on(Fixtures.dataDir(), c -> c.adminEnabled(true))) {
      int port = pokeApi.port();
      String host = "127.0.0.1:" + port;

      Reply untyped = RawHttp.send("127.0.0.1", port, "POST", "/_admin/faults", host, FAULT);
      Reply json =
          RawHttp.send(
              "127.0.0.1",
              port,
              "POST",
              "/_admin/faults",
              host,
              FAULT,
              "Content-Type: application/json; charset=utf-8");
      Reply emptyReload = RawHttp.send("127.0.0.1", port, "POST", "/_admin/reload", host, "");

      assertThat(untyped.status()).isEqualTo(415);
      assertThat(json.status()).isEqualTo(201);
      assertThat(emptyReload.status()).isEqualTo(200);
      assertThat(pokeApi.faults().rules()).hasSize(1);
    }
  }

  @Test
  void crossOriginRequestsAreRefusedEvenWithAJsonBody() throws IOException {
    try (PokeApiDouble pokeApi = RunningDouble.on(Fixtures.dataDir(), c -> c.adminEnabled(true))) {
      int port = pokeApi.port();
      String host = "127.0.0.1:" + port;

      Reply foreignOrigin =
          RawHttp.send(
              "127.0.0.1",
              port,
              "POST",
              "/_admin/faults",
              host,
              FAULT,
              "Content-Type: application/json",
              "Origin: http://evil.example");
      Reply nullOrigin =
          RawHttp.send("127.0.0.1", port, "POST", "/_admin/reload", host, "", "Origin: null");
      Reply crossSite =
          RawHttp.send(
              "127.0.0.1",
              port,
              "DELETE",
              "/_admin/faults",
              host,
              null,
              "Sec-Fetch-Site: cross-site");
      Reply sameOrigin =
          RawHttp.send(
              "127.0.0.1", port, "GET", "/_admin/status", host, null, "Origin: http://" + host);

      assertThat(foreignOrigin.status()).isEqualTo(403);
      assertProblem(foreignOrigin, 403);
      assertThat(nullOrigin.status()).isEqualTo(403);
      assertThat(crossSite.status()).isEqualTo(403);
      assertThat(sameOrigin.status()).isEqualTo(200);
      assertThat(pokeApi.faults().rules()).isEmpty();
    }
  }

  @Test
  void aPreflightGetsNoCorsPermissionFromTheAdminInterface() throws IOException {
    try (PokeApiDouble pokeApi = RunningDouble.on(Fixtures.dataDir(), c -> c.adminEnabled(true))) {
      int port = pokeApi.port();

      Reply preflight =
          RawHttp.send(
              "127.0.0.1",
              port,
              "OPTIONS",
              "/_admin/faults",
              "127.0.0.1:" + port,
              null,
              "Origin: http://evil.example",
              "Access-Control-Request-Method: PUT",
              "Access-Control-Request-Headers: content-type");

      assertThat(preflight.status()).isGreaterThanOrEqualTo(400);
      assertThat(preflight.header("access-control-allow-origin")).isNull();
      assertThat(preflight.header("access-control-allow-methods")).isNull();
    }
  }

  @Test
  void aHostNameReboundToTheLoopbackIsRefused() throws IOException {
    try (PokeApiDouble pokeApi = RunningDouble.on(Fixtures.dataDir(), c -> c.adminEnabled(true))) {
      int port = pokeApi.port();

      Reply rebound =
          RawHttp.send(
              "127.0.0.1",
              port,
              "PUT",
              "/_admin/faults",
              "attacker.example:" + port,
              "[" + FAULT + "]",
              "Content-Type: application/json");
      Reply viaLocalhost =
          RawHttp.send("127.0.0.1", port, "GET", "/_admin/status", "localhost:" + port, null);

      assertThat(rebound.status()).isEqualTo(403);
      assertProblem(rebound, 403);
      assertThat(pokeApi.faults().rules()).isEmpty();
      assertThat(viaLocalhost.status()).isEqualTo(200);
    }
  }

  @Test
  void withATokenEveryAdminRequestNeedsItAndTheTokenIsNeverPrinted() throws IOException {
    String token = "s3cret-admin-token";
    try (PokeApiDouble pokeApi =
        RunningDouble.on(Fixtures.dataDir(), c -> c.adminEnabled(true).adminToken(token))) {
      int port = pokeApi.port();
      String host = "127.0.0.1:" + port;

      Reply none = RawHttp.send("127.0.0.1", port, "GET", "/_admin/status", host, null);
      Reply wrong =
          RawHttp.send(
              "127.0.0.1",
              port,
              "POST",
              "/_admin/faults",
              host,
              FAULT,
              "Content-Type: application/json",
              "Authorization: Bearer s3cret-admin-tokeN");
      Reply right =
          RawHttp.send(
              "127.0.0.1",
              port,
              "POST",
              "/_admin/faults",
              host,
              FAULT,
              "Content-Type: application/json",
              "Authorization: Bearer " + token);

      assertThat(none.status()).isEqualTo(401);
      assertProblem(none, 401);
      assertThat(none.header("www-authenticate")).startsWith("Bearer");
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(right.status()).isEqualTo(201);
      assertThat(pokeApi.faults().rules()).hasSize(1);
      assertThat(none.text() + wrong.text()).doesNotContain(token);
      DoubleConfig config =
          DoubleConfig.builder(Fixtures.dataDir()).adminEnabled(true).adminToken(token).build();
      assertThat(config.toString()).doesNotContain(token).contains("adminToken=****");
      assertThat(Main.adminDescription(config)).doesNotContain(token).contains("token required");
    }
  }

  @Test
  void theTokenComesFromTheEnvironmentAndTheAdminHostDefaultsToTheLoopback() throws IOException {
    Main main = new Main();
    main.environment = name -> name.equals("POKEAPI_DOUBLE_ADMIN_TOKEN") ? " from-env " : null;
    Main.commandLine(main).parseArgs("--data-dir", "/data", "--admin");

    DoubleConfig config = main.toConfig();

    assertThat(config.adminToken()).isEqualTo("from-env");
    assertThat(config.adminHost())
        .isEqualTo(System.getenv().getOrDefault("POKEAPI_DOUBLE_ADMIN_HOST", "127.0.0.1"));
  }

  private static void assertProblem(Reply reply, int status) {
    assertThat(reply.header("content-type")).isEqualTo("application/problem+json");
    assertThat(reply.json().get("status").asInt()).isEqualTo(status);
    assertThat(reply.json().get("title").asText()).isNotBlank();
    assertThat(reply.json().get("detail").asText()).isNotBlank();
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }
}
