package io.pokeapi.observability.diff.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.common.testsupport.PostgresDatabaseResource;
import io.pokeapi.observability.diff.support.DiffTopicsResource;
import io.pokeapi.observability.diff.support.RawHttp;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 5: about 1,000 generated bad requests per operation of the REST API (fixed seed,
 * {@code -Dfuzz.requests=N} for more), sent byte for byte as generated: non-integers where integers
 * belong, NUL and control characters, bad percent-encoding, invalid UTF-8, over-long values and
 * URIs, bad booleans. No answer is a 5xx; every 4xx is {@code application/problem+json} with its
 * status, a 400 names a parameter of the request, and no detail names an internal type. A bad value
 * of a typed parameter (integer, boolean) is a 400, never a 404.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
@WithTestResource(DiffTopicsResource.class)
class RestFuzzTest {

  private static final long SEED = 9_2026_12_01L;
  private static final int REQUESTS_PER_OPERATION = Integer.getInteger("fuzz.requests", 1000);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The names a 400 may give, besides the parameters of the operation. */
  private static final Set<String> REQUEST_LEVEL = Set.of("path", "query", "uri", "request");

  /** Parameters whose bad values must get 400 (never 404). */
  private static final Set<String> TYPED = Set.of("page", "size", "id", "version", "regressed");

  @TestHTTPResource("/")
  URL root;

  /** An operation: its path with {slots}, its query parameters, and a valid value for each. */
  record Operation(String path, Map<String, String> valid) {}

  private static final List<Operation> OPERATIONS =
      List.of(
          op("/api/v1/schemas", "page", "0", "size", "5"),
          op("/api/v1/schemas/{scope}", "scope", "pokemon"),
          op("/api/v1/schemas/{scope}/versions", "scope", "pokemon", "page", "0", "size", "5"),
          op("/api/v1/schemas/{scope}/versions/{version}", "scope", "pokemon", "version", "1"),
          op(
              "/api/v1/drift-events",
              "endpoint",
              "pokemon",
              "kind",
              "data",
              "from",
              "2026-01-01T00:00:00Z",
              "to",
              "2027-01-01T00:00:00Z",
              "page",
              "0",
              "size",
              "5"),
          op("/api/v1/drift-events/schema/{id}", "id", "1"),
          op("/api/v1/drift-events/data/{id}", "id", "1"),
          op(
              "/api/v1/resources/{endpoint}/{resource}/versions",
              "endpoint",
              "pokemon",
              "resource",
              "pikachu",
              "page",
              "0",
              "size",
              "5"),
          op(
              "/api/v1/resources/{endpoint}/{resource}/versions/{sha256}",
              "endpoint",
              "pokemon",
              "resource",
              "25",
              "sha256",
              "abcdef"),
          op(
              "/api/v1/resources/{endpoint}/{resource}/diff",
              "endpoint",
              "pokemon",
              "resource",
              "25",
              "from",
              "abcdef",
              "to",
              "fedcba"),
          op(
              "/api/v1/resources/{endpoint}/{resource}/changes",
              "endpoint",
              "pokemon",
              "resource",
              "pikachu",
              "page",
              "0",
              "size",
              "5"),
          op("/api/v1/baselines", "endpoint", "pokemon", "page", "0", "size", "5"),
          op("/api/v1/baselines/{endpoint}/history", "endpoint", "pokemon", "page", "1"),
          op(
              "/api/v1/latency-evaluations",
              "endpoint",
              "pokemon",
              "regressed",
              "true",
              "page",
              "0",
              "size",
              "5"));

  private static Operation op(String path, String... pairs) {
    Map<String, String> valid = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      valid.put(pairs[i], pairs[i + 1]);
    }
    return new Operation(path, valid);
  }

  private static final String[] BAD =
      new String[] {
        "abc",
        "1.5",
        "-1",
        "1e3",
        "0x1f",
        "99999999999999999999",
        "%20",
        "%20%20",
        "NaN",
        "yes",
        "on",
        "1",
        "TRUE%20",
        "%00",
        "a%00b",
        "%01",
        "%1F",
        "%7F",
        "%",
        "%z",
        "%zz",
        "%e2%82",
        "%c3%28",
        "%ff",
        "%F0%9F%98%80",
        "%C3%A9",
        "%27%20OR%201%3D1",
        "..%2F..%2Fetc",
        "%2F",
        "-",
        "",
        "9223372036854775808",
        "-9223372036854775809",
        "2147483648",
        "0"
      };

  @Test
  void noBadRequestGetsA5xxAndEveryErrorIsAProblemNamingTheField() throws Exception {
    Random random = new Random(SEED);
    Map<String, Integer> statuses = new TreeMap<>();
    try (RawHttp http = new RawHttp(root.getHost(), root.getPort())) {
      for (Operation operation : OPERATIONS) {
        for (int i = 0; i < REQUESTS_PER_OPERATION; i++) {
          Map<String, String> values = new LinkedHashMap<>(operation.valid());
          List<String> names = new ArrayList<>(values.keySet());
          String target = names.isEmpty() ? null : names.get(random.nextInt(names.size()));
          String bad = badValue(random);
          if (target != null) {
            values.put(target, bad);
          }
          // sometimes a second parameter goes bad too, or a valid one is left out
          if (names.size() > 1 && random.nextInt(4) == 0) {
            values.put(names.get(random.nextInt(names.size())), badValue(random));
          }
          String uri = uri(operation, values);
          if (random.nextInt(50) == 0) {
            uri = uri + (uri.contains("?") ? "&" : "?") + "junk=" + "x".repeat(9000);
          }
          RawHttp.Response response = http.get(uri);
          statuses.merge(response.status() + "", 1, Integer::sum);
          check(operation, values, target, bad, uri, response);
        }
      }
    }
    System.out.printf(
        "RestFuzzTest: %d requests over %d operations, statuses %s%n",
        REQUESTS_PER_OPERATION * OPERATIONS.size(), OPERATIONS.size(), statuses);
  }

  private static void check(
      Operation operation,
      Map<String, String> values,
      String target,
      String bad,
      String uri,
      RawHttp.Response response)
      throws Exception {
    String what = "GET " + (uri.length() > 300 ? uri.substring(0, 300) + "..." : uri);
    assertThat(response.status()).as(what + " -> " + response.body()).isLessThan(500);
    if (response.status() < 400) {
      return;
    }
    assertThat(response.contentType())
        .as(what + " -> " + response.status() + " " + response.headers() + " " + response.body())
        .startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.status());
    assertThat(response.body())
        .as(what + ": no internal type named")
        .doesNotContain("java.", "jakarta.", "Exception", "RESTEASY", "io.vertx", "io.quarkus");
    if (response.status() == 400) {
      JsonNode params = problem.path("invalidParams");
      assertThat(params.isArray() && !params.isEmpty()).as(what + " names a field").isTrue();
      for (JsonNode param : params) {
        String name = param.path("name").asText();
        assertThat(operation.valid().containsKey(name) || REQUEST_LEVEL.contains(name))
            .as(what + " names a parameter of the request, not " + name)
            .isTrue();
      }
    }
    boolean onlyTypedBad =
        target != null
            && TYPED.contains(target)
            && values.entrySet().stream()
                .allMatch(
                    e ->
                        e.getKey().equals(target)
                            || e.getValue().equals(operation.valid().get(e.getKey())));
    // %2F in a path parameter is a slash, and %2E or %2E%2E a dot segment the server removes
    // (RFC 3986 5.2.4): another path, so 404 is right there
    // the value the request carries (a second bad value may have replaced the first)
    String actual = target == null ? bad : values.get(target);
    String upper = actual.toUpperCase(java.util.Locale.ROOT);
    boolean otherPath = upper.contains("%2F") || upper.replace("%2E", ".").matches("\\.{1,2}");
    if (onlyTypedBad && !isValidFor(target, actual) && !otherPath) {
      assertThat(response.status()).as(what + " is a bad " + target).isIn(400, 414);
    }
  }

  /** Whether a generated value happens to be valid for a typed parameter. */
  private static boolean isValidFor(String parameter, String value) {
    String decoded;
    try {
      // the server reads the decoded value: %37%20 is "7 "
      decoded =
          io.netty.handler.codec.http.QueryStringDecoder.decodeComponent(
                  value, java.nio.charset.StandardCharsets.UTF_8)
              .strip();
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (parameter.equals("regressed")) {
      return decoded.equalsIgnoreCase("true")
          || decoded.equalsIgnoreCase("false")
          || decoded.isEmpty();
    }
    try {
      long n = Long.parseLong(decoded);
      return switch (parameter) {
        case "page" -> n >= 0 && n <= 100_000;
        case "size" -> n >= 1 && n <= 200;
        default -> n >= 1;
      };
    } catch (NumberFormatException e) {
      return decoded.isEmpty() && (parameter.equals("page") || parameter.equals("size"));
    }
  }

  private static String badValue(Random random) {
    return switch (random.nextInt(6)) {
      case 0, 1, 2 -> BAD[random.nextInt(BAD.length)];
      case 3 -> {
        StringBuilder junk = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
          junk.append(String.format("%%%02X", random.nextInt(256)));
        }
        yield junk.toString();
      }
      case 4 -> "x".repeat(1 + random.nextInt(400));
      default -> BAD[random.nextInt(BAD.length)] + BAD[random.nextInt(BAD.length)];
    };
  }

  private static String uri(Operation operation, Map<String, String> values) {
    String path = operation.path();
    StringBuilder query = new StringBuilder();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String slot = "{" + e.getKey() + "}";
      if (path.contains(slot)) {
        path = path.replace(slot, e.getValue().isEmpty() ? "%20" : e.getValue());
      } else {
        query
            .append(query.isEmpty() ? "?" : "&")
            .append(e.getKey())
            .append('=')
            .append(e.getValue());
      }
    }
    return path + query;
  }
}
