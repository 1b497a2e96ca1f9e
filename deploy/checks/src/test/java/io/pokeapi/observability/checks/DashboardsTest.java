package io.pokeapi.observability.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * dashboards/: valid current Grafana JSON, data source uids that the provisioning defines, every
 * Prometheus query valid PromQL (promtool parses it with the template variables resolved), and the
 * committed files equal to what dashboards/generate.py writes. Whether each query returns series on
 * a running system is deploy/e2e's DashboardPanelsHaveDataTest.
 */
class DashboardsTest {

  @Test
  void everyDashboardIsCurrentGrafanaJsonWithProvisionedDataSources() {
    Set<String> provisioned = new HashSet<>();
    Repo.yaml("dashboards/provisioning/datasources/datasources.yml")
        .path("datasources")
        .forEach(ds -> provisioned.add(ds.path("uid").asText()));
    List<Path> files = Repo.files("dashboards", ".json");
    assertThat(files).hasSizeGreaterThanOrEqualTo(8);
    Set<String> uids = new TreeSet<>();
    Set<String> titles = new TreeSet<>();
    for (Path file : files) {
      JsonNode board = Repo.json(file);
      String name = file.getFileName().toString();
      assertThat(board.path("schemaVersion").asInt()).as(name).isBetween(36, 41);
      assertThat(uids.add(board.path("uid").asText())).as("unique uid in %s", name).isTrue();
      assertThat(titles.add(board.path("title").asText())).as("unique title").isTrue();
      assertThat(board.path("uid").asText().length()).as(name).isBetween(1, 40);
      Set<Integer> ids = new HashSet<>();
      for (JsonNode panel : board.path("panels")) {
        assertThat(ids.add(panel.path("id").asInt())).as("unique panel id in %s", name).isTrue();
        assertThat(panel.path("gridPos").path("w").asInt()).isBetween(1, 24);
        if (panel.path("type").asText().equals("row")) {
          continue;
        }
        String title = name + " / " + panel.path("title").asText();
        assertThat(panel.path("datasource").path("uid").asText()).as(title).isIn(provisioned);
        assertThat(panel.path("targets")).as(title).isNotEmpty();
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path("expr").asText()).as(title).isNotBlank();
          assertThat(target.path("datasource").path("uid").asText()).as(title).isIn(provisioned);
        }
      }
      for (JsonNode variable : board.at("/templating/list")) {
        assertThat(variable.path("datasource").path("uid").asText()).isIn(provisioned);
      }
    }
  }

  /** promtool parses every panel query as a recording rule, with the variables resolved. */
  @Test
  void everyPrometheusQueryIsValidPromql() throws IOException {
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
    int n = 0;
    for (Path file : Repo.files("dashboards", ".json")) {
      JsonNode board = Repo.json(file);
      for (JsonNode panel : board.path("panels")) {
        for (JsonNode target : panel.path("targets")) {
          if (!target.path("datasource").path("uid").asText().equals("prometheus")) {
            continue;
          }
          String expr = resolve(target.path("expr").asText(), board);
          rules
              .append("      - record: dashboard_query_")
              .append(n++)
              .append("\n        expr: ")
              .append(Repo.JSON.writeValueAsString(expr))
              .append('\n');
        }
      }
    }
    Path file = Repo.work("dashboards").resolve("queries.yml");
    Files.writeString(file, rules);
    Tool.run(Tool.onPath("promtool", "prometheus"), "check", "rules", file.toString())
        .assertSuccess();
    assertThat(n).isGreaterThan(50);
  }

  @Test
  void committedDashboardsAreWhatTheGeneratorWrites() throws IOException {
    Path out = Repo.work("dashboards-generated");
    Tool.run(Tool.onPath("python3", "python3"), "dashboards/generate.py", out.toString())
        .assertSuccess();
    Map<String, String> generated = new LinkedHashMap<>();
    try (var files = Files.list(out)) {
      for (Path f : files.sorted().toList()) {
        generated.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    List<String> committed = new ArrayList<>();
    for (Path f : Repo.files("dashboards", ".json")) {
      committed.add(f.getFileName().toString());
      assertThat(Files.readString(f))
          .as("%s: run python3 dashboards/generate.py and commit the result", f.getFileName())
          .isEqualTo(generated.get(f.getFileName().toString()));
    }
    assertThat(committed).containsExactlyInAnyOrderElementsOf(generated.keySet());
  }

  /** Grafana's variables as a query sees them: multi-value "All" is the variable's allValue. */
  static String resolve(String expr, JsonNode board) {
    String resolved =
        expr.replace("$__rate_interval", "1m")
            .replace("$__interval", "15s")
            .replace("$__range", "1h");
    for (JsonNode variable : board.at("/templating/list")) {
      String name = variable.path("name").asText();
      String value = variable.path("allValue").asText(".*");
      resolved = resolved.replace("${" + name + "}", value).replace("$" + name, value);
    }
    assertThat(resolved).as("unresolved variable in %s", expr).doesNotContain("$");
    return resolved;
  }
}
