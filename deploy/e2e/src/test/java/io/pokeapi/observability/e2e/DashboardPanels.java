package io.pokeapi.observability.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Prometheus queries of the Grafana dashboards in {@code dashboards/}, resolved the way Grafana
 * resolves them, evaluated through Prometheus's HTTP API over a time range: a panel "shows nothing"
 * when none of its queries returns a series anywhere in that range (Grafana's "No data").
 */
final class DashboardPanels {

  /** One panel of one dashboard and its resolved Prometheus queries. */
  record Panel(String dashboardUid, String dashboard, String title, List<String> queries) {

    String name() {
      return dashboard + " / " + title;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI prometheus;

  DashboardPanels(URI prometheus) {
    this.prometheus = prometheus;
  }

  /**
   * Every panel with Prometheus queries. Grafana's variables: {@code $__rate_interval} is {@code
   * rateInterval}, {@code $__interval} a quarter of it, and a template variable its "All" value
   * (the dashboards' default selection).
   */
  static List<Panel> load(Path dashboardsDir, String rateInterval) {
    List<Panel> panels = new ArrayList<>();
    try (Stream<Path> files = Files.list(dashboardsDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode board = JSON.readTree(file.toFile());
        for (JsonNode panel : board.path("panels")) {
          List<String> queries = new ArrayList<>();
          for (JsonNode target : panel.path("targets")) {
            if (target.path("datasource").path("uid").asText().equals("prometheus")) {
              queries.add(resolve(target.path("expr").asText(), board, rateInterval));
            }
          }
          if (!queries.isEmpty()) {
            panels.add(
                new Panel(
                    board.path("uid").asText(),
                    board.path("title").asText(),
                    panel.path("title").asText(),
                    queries));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return panels;
  }

  static String resolve(String expr, JsonNode board, String rateInterval) {
    String resolved =
        expr.replace("$__rate_interval", rateInterval)
            .replace("$__interval", "15s")
            .replace("$__range", "1h");
    for (JsonNode variable : board.at("/templating/list")) {
      String name = variable.path("name").asText();
      String all = variable.path("allValue").asText(".*");
      resolved = resolved.replace("${" + name + "}", all).replace("$" + name, all);
    }
    if (resolved.contains("$")) {
      throw new IllegalStateException("unresolved variable in " + expr);
    }
    return resolved;
  }

  /** How many series the panel's queries return over [from, to] (0: the panel shows nothing). */
  int series(Panel panel, Instant from, Instant to) {
    // the range ends exactly at `to` (Prometheus evaluates at start + k * step), so that a series
    // first scraped in the last step is not missed
    long step = 5;
    long end = to.getEpochSecond();
    long start = end - step * ((end - from.getEpochSecond() + step - 1) / step);
    int total = 0;
    for (String query : panel.queries()) {
      JsonNode answer =
          get(
              "/api/v1/query_range?query="
                  + URLEncoder.encode(query, StandardCharsets.UTF_8)
                  + "&start="
                  + start
                  + "&end="
                  + end
                  + "&step="
                  + step);
      if (!answer.path("status").asText().equals("success")) {
        throw new IllegalStateException(panel.name() + ": " + query + " failed: " + answer);
      }
      total += answer.at("/data/result").size();
    }
    return total;
  }

  /** Whether every active target was scraped after {@code instant}. */
  boolean scrapedSince(Instant instant) {
    for (JsonNode target : get("/api/v1/targets?state=active").at("/data/activeTargets")) {
      String last = target.path("lastScrape").asText();
      if (target.path("health").asText().equals("up") && Instant.parse(last).isBefore(instant)) {
        return false;
      }
    }
    return true;
  }

  /** The jobs Prometheus scrapes and whether each is up. */
  String targets() {
    StringBuilder out = new StringBuilder();
    for (JsonNode target : get("/api/v1/targets?state=active").at("/data/activeTargets")) {
      out.append(target.at("/labels/job").asText())
          .append('=')
          .append(target.path("health").asText())
          .append(' ');
    }
    return out.toString().strip();
  }

  private JsonNode get(String pathAndQuery) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(prometheus.resolve(pathAndQuery))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
