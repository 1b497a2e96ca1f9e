package io.pokeapi.observability.e2e;

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

/** The ReportPortal double of the stack, over its {@code /double} API (what it was sent). */
final class RpDoubleClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  RpDoubleClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The launches whose description names the run (a run must have exactly one). */
  List<JsonNode> launchesOf(UUID run) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode launch : get("/double/launches")) {
      if (launch.path("description").asText("").contains(run.toString())) {
        out.add(launch);
      }
    }
    return out;
  }

  /** The run's launch with its items, logs and the accepted requests in order; null if none. */
  JsonNode launchOf(UUID run) {
    List<JsonNode> launches = launchesOf(run);
    return launches.isEmpty()
        ? null
        : get("/double/launches/" + launches.get(0).path("uuid").asText());
  }

  /** Every item of a launch tree, depth first. */
  static List<JsonNode> items(JsonNode launch) {
    List<JsonNode> out = new ArrayList<>();
    launch.path("items").forEach(i -> collect(i, out));
    return out;
  }

  /** The check items (type STEP) of a launch, in the order they were started. */
  static List<JsonNode> checksInStartOrder(JsonNode launch) {
    List<JsonNode> all = items(launch);
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode request : launch.path("requests")) {
      String r = request.asText();
      if (r.startsWith("start ")) {
        String uuid = r.substring(6);
        all.stream()
            .filter(
                i -> i.path("uuid").asText().equals(uuid) && i.path("type").asText().equals("STEP"))
            .findFirst()
            .ifPresent(out::add);
      }
    }
    return out;
  }

  private static void collect(JsonNode item, List<JsonNode> out) {
    out.add(item);
    item.path("children").forEach(c -> collect(c, out));
  }

  /** Sets the double's outage mode, e.g. {@code {"mode":"fail","status":503}}. */
  void mode(String json) {
    send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/double/mode"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private JsonNode get(String path) {
    String body =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 400) {
        throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
