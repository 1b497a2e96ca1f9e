package io.pokeapi.observability.reporter.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** The running ReportPortal double, over its {@code /double} REST API. */
public final class RpDouble {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RpDouble() {}

  private static String base() {
    return ConfigProvider.getConfig().getValue("reporter.rp.endpoint", String.class);
  }

  /** Every launch, summarised. */
  public static JsonNode launches() {
    return get("/double/launches");
  }

  /** One launch with its items (nested), logs and the requests that built it; null when absent. */
  public static JsonNode launch(UUID uuid) {
    return get("/double/launches/" + uuid);
  }

  /** How many launches carry this run id in their description. */
  public static long launchesOfRun(UUID runId) {
    long n = 0;
    for (JsonNode l : launches()) {
      if (l.path("description").asText("").contains(runId.toString())) {
        n++;
      }
    }
    return n;
  }

  /** Sets the outage mode: ok, fail (status), hang, slow (delayMs), refuse, drop. */
  public static void mode(String json) {
    send(
        HttpRequest.newBuilder(URI.create(base() + "/double/mode"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** Every item of a launch tree, depth first. */
  public static List<JsonNode> items(JsonNode launch) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode item : launch.path("items")) {
      collect(item, out);
    }
    return out;
  }

  private static void collect(JsonNode item, List<JsonNode> out) {
    out.add(item);
    for (JsonNode c : item.path("children")) {
      collect(c, out);
    }
  }

  private static JsonNode get(String path) {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build());
    if (r.statusCode() == 404) {
      return null;
    }
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
