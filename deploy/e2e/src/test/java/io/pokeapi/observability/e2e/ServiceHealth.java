package io.pokeapi.observability.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the components say about themselves: readiness, and a counter of their metrics. */
final class ServiceHealth {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private final Map<String, String> readinessUrls = new LinkedHashMap<>();
  private final String diffUrl;

  ServiceHealth(Map<String, String> stackEnv) {
    readinessUrls.put("pokeapi-double", stackEnv.get("DOUBLE_URL") + "/api/v2/meta/");
    readinessUrls.put("probe-service", stackEnv.get("PROBE_URL") + "/q/health/ready");
    readinessUrls.put("diff-service", stackEnv.get("DIFF_URL") + "/q/health/ready");
    this.diffUrl = stackEnv.get("DIFF_URL");
  }

  /** The readiness status code of each component (0 when it does not answer). */
  Map<String, Integer> readiness() {
    Map<String, Integer> states = new LinkedHashMap<>();
    readinessUrls.forEach((name, url) -> states.put(name, status(url)));
    return states;
  }

  /** Whether every component answers its readiness check with 200. */
  boolean allReady() {
    return readiness().values().stream().allMatch(s -> s == 200);
  }

  /** The diff service's readiness status code (0 when it does not answer). */
  int diffReadiness() {
    return status(readinessUrls.get("diff-service"));
  }

  /**
   * The sum of a metric's samples in the diff service's {@code /q/metrics}, or -1 when it has no
   * such metric.
   */
  double diffMetric(String name) {
    String text = get(diffUrl + "/q/metrics");
    if (text == null) {
      return -1;
    }
    double sum = 0;
    boolean found = false;
    for (String line : text.split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        found = true;
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return found ? sum : -1;
  }

  private static int status(String url) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static String get(String url) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
