package io.pokeapi.observability.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** The PokéAPI double as the tests see it: its admin interface and its plain answers. */
final class DoubleClient {

  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  DoubleClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * Makes every request to {@code endpoint} fail with fault {@code kind} ({@code PUT
   * /_admin/faults}).
   */
  void fault(String endpoint, String kind) {
    given()
        .baseUri(baseUrl)
        .contentType("application/json")
        .body(Map.of("rules", List.of(Map.of("endpoint", endpoint, "kind", kind, "rate", 1.0))))
        .when()
        .put("/_admin/faults")
        .then()
        .statusCode(200);
  }

  /**
   * Replaces the fault rules with {@code rules} whose dice roll from {@code seed} ({@code PUT
   * /_admin/faults}), so that the same requests in the same order get the same faults.
   */
  void faults(long seed, List<Map<String, Object>> rules) {
    given()
        .baseUri(baseUrl)
        .contentType("application/json")
        .body(Map.of("seed", seed, "rules", rules))
        .when()
        .put("/_admin/faults")
        .then()
        .statusCode(200);
  }

  /** Removes every fault rule ({@code DELETE /_admin/faults}). */
  void clearFaults() {
    given().baseUri(baseUrl).when().delete("/_admin/faults").then().statusCode(200);
  }

  /** Swaps the data the double serves ({@code POST /_admin/reload}) and returns its new hash. */
  String reload(Path dataDir) {
    given()
        .baseUri(baseUrl)
        .contentType("application/json")
        .body(Map.of("dataDir", dataDir.toString()))
        .when()
        .post("/_admin/reload")
        .then()
        .statusCode(200);
    return given()
        .baseUri(baseUrl)
        .when()
        .get("/api/v2/meta/")
        .then()
        .statusCode(200)
        .extract()
        .path("hash");
  }

  /**
   * The SHA-256 (lower-case hex) of the body the double answers for each resource of {@code
   * endpoint}, fetched the way the sweep fetches them ({@code <endpoint>/<id>/}).
   */
  Map<String, String> sha256OfResources(String endpoint, SortedSet<String> ids)
      throws InterruptedException {
    Map<String, String> digests = new ConcurrentHashMap<>();
    Semaphore inFlight = new Semaphore(8);
    List<Future<?>> pending = new ArrayList<>();
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (String id : ids) {
        inFlight.acquire();
        pending.add(
            workers.submit(
                () -> {
                  try {
                    digests.put(id, sha256(get("/api/v2/" + endpoint + "/" + id + "/")));
                  } finally {
                    inFlight.release();
                  }
                  return null;
                }));
      }
    }
    for (Future<?> f : pending) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(
            "fetching " + endpoint + " from the double failed", e.getCause());
      }
    }
    return digests;
  }

  /**
   * The double's own request counters ({@code pokeapi_double_requests_total} from {@code
   * /_admin/metrics}) summed over the statuses, for the given endpoint labels.
   */
  long requestsServed(java.util.Collection<String> endpoints) {
    String metrics =
        given()
            .baseUri(baseUrl)
            .when()
            .get("/_admin/metrics")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    long sum = 0;
    java.util.regex.Pattern line =
        java.util.regex.Pattern.compile(
            "^pokeapi_double_requests_total\\{([^}]*)\\}\\s+([0-9.eE+]+)$",
            java.util.regex.Pattern.MULTILINE);
    java.util.regex.Matcher m = line.matcher(metrics);
    while (m.find()) {
      for (String endpoint : endpoints) {
        if (m.group(1).contains("endpoint=\"" + endpoint + "\"")) {
          sum += (long) Double.parseDouble(m.group(2));
        }
      }
    }
    return sum;
  }

  private byte[] get(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException(path + " answered " + response.statusCode());
    }
    return response.body();
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
