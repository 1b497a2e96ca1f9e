package io.pokeapi.observability.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** deploy/prometheus: the config, the alert rules and their unit tests, checked with promtool. */
class PrometheusConfigTest {

  private static final String RULES = "deploy/prometheus/rules/pokeapi-alerts.yml";

  @Test
  void configIsValidAndScrapesEveryServiceAndTheDouble() {
    String promtool = Tool.onPath("promtool", "prometheus");
    Tool.run(promtool, "check", "config", "deploy/prometheus/prometheus.yml").assertSuccess();

    Set<String> jobs = new TreeSet<>();
    for (JsonNode job : Repo.yaml("deploy/prometheus/prometheus.yml").path("scrape_configs")) {
      jobs.add(job.path("job_name").asText());
    }
    assertThat(jobs)
        .contains(
            "probe-service", "diff-service", "load-service", "reporter-service", "pokeapi-double");
  }

  @Test
  void everyRuleIsValidAndItsUnitTestsPass() {
    String promtool = Tool.onPath("promtool", "prometheus");
    Tool.run(promtool, "check", "rules", RULES).assertSuccess();
    List<String> testFiles =
        Repo.files("deploy/prometheus/tests", ".test.yml").stream().map(Path::toString).toList();
    List<String> command = new ArrayList<>(List.of(promtool, "test", "rules"));
    command.addAll(testFiles);
    Tool.run(command, java.util.Map.of(), 120).assertSuccess();
  }

  /** An alert without a test that expects it to fire is an alert nobody knows to work. */
  @Test
  void everyAlertHasATestInWhichItFiresAndOneInWhichItDoesNot() {
    Set<String> alerts = new TreeSet<>();
    for (JsonNode group : Repo.yaml(RULES).path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.has("alert")) {
          alerts.add(rule.path("alert").asText());
        }
      }
    }
    Set<String> fires = new TreeSet<>();
    Set<String> quiet = new TreeSet<>();
    for (Path file : Repo.files("deploy/prometheus/tests", ".test.yml")) {
      for (JsonNode test : Repo.yaml(Repo.root().relativize(file).toString()).path("tests")) {
        for (JsonNode expectation : test.path("alert_rule_test")) {
          String name = expectation.path("alertname").asText();
          (expectation.path("exp_alerts").isEmpty() ? quiet : fires).add(name);
        }
      }
    }
    assertThat(alerts)
        .as("the issue's alerts")
        .contains(
            "PokeApiHighP95Latency",
            "PokeApiHighFailureRate",
            "PokeApiSchemaChangeDetected",
            "PokeApiCircuitBreakerOpen",
            "PokeApiLatencyRegression",
            "PokeApiLoadErrorRate",
            "PokeApiLoadRunInvalid",
            "ReporterBacklogGrowing",
            "PokeApiServiceDown");
    assertThat(fires).as("alerts with a firing test").containsAll(alerts);
    assertThat(quiet).as("alerts with a quiet test").containsAll(alerts);
  }

  @Test
  void theHelmChartCarriesTheSameRules() {
    assertThat(Repo.read("deploy/helm/pokeapi-observability/files/pokeapi-alerts.yml"))
        .as("copy the rules into the chart: cp %s deploy/helm/pokeapi-observability/files/", RULES)
        .isEqualTo(Repo.read(RULES));
  }

  @Test
  void alertmanagerConfigIsValid() {
    String amtool = Tool.onPath("amtool", "prometheus-alertmanager");
    Tool.run(amtool, "check-config", "deploy/prometheus/alertmanager.yml").assertSuccess();
  }
}
