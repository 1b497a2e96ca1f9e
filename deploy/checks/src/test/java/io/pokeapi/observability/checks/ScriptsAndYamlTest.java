package io.pokeapi.observability.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** shellcheck on every script, yamllint on every YAML file of the deployment. */
class ScriptsAndYamlTest {

  static final List<String> SCRIPTS =
      List.of(
          ".ci/run",
          "deploy/local/stack",
          "deploy/local/kafka",
          "deploy/local/postgres",
          "deploy/local/run",
          "deploy/postgres/init-databases.sh",
          "deploy/checks/bin/tools",
          "deploy/bench/drift-engine.sh",
          "deploy/bench/pipeline.sh",
          "deploy/bench/pokeapi-double-vs-nginx.sh");

  @Test
  void shellcheckFindsNoWarning() {
    List<String> command =
        new ArrayList<>(List.of(Tool.onPath("shellcheck", "shellcheck"), "--severity=warning"));
    command.addAll(SCRIPTS);
    Tool.run(command, Map.of(), 120).assertSuccess();
  }

  @Test
  void yamllintFindsNoProblem() {
    List<String> command =
        new ArrayList<>(
            List.of(
                Tool.onPath("yamllint", "yamllint"),
                "--strict",
                "-c",
                "deploy/checks/yamllint.yml",
                "deploy/docker-compose.yml",
                "deploy/prometheus",
                "deploy/loki",
                "dashboards/provisioning",
                ".github/workflows",
                "deploy/helm/pokeapi-observability/values.yaml",
                "deploy/helm/pokeapi-observability/Chart.yaml",
                "deploy/helm/pokeapi-observability/ci"));
    Tool.run(command, Map.of(), 120).assertSuccess();
  }
}
