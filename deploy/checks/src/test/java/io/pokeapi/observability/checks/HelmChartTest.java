package io.pokeapi.observability.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** deploy/helm/pokeapi-observability: helm lint --strict, helm template, what the manifests say. */
class HelmChartTest {

  private static final String CHART = "deploy/helm/pokeapi-observability";
  private static final String FULL = CHART + "/ci/full-values.yaml";

  @Test
  void lintsStrictWithDefaultAndFullValues() {
    helm("lint", "--strict", CHART).assertSuccess();
    helm("lint", "--strict", CHART, "-f", FULL).assertSuccess();
    helm("template", "release", CHART).assertSuccess();
    helm("template", "release", CHART, "-f", FULL).assertSuccess();
  }

  @Test
  void defaultValuesRenderTheFourServicesProbedNonRootAndSized() {
    List<JsonNode> docs = template("--set", "secrets.diffDbPassword=x");
    List<JsonNode> deployments = kind(docs, "Deployment");
    assertThat(deployments)
        .extracting(d -> d.at("/spec/template/spec/containers/0/name").asText())
        .containsExactlyInAnyOrder(
            "probe-service", "diff-service", "load-service", "reporter-service");
    for (JsonNode deployment : deployments) {
      JsonNode pod = deployment.at("/spec/template/spec");
      JsonNode container = pod.at("/containers/0");
      String name = container.path("name").asText();
      assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
      assertThat(container.at("/readinessProbe/httpGet/path").asText())
          .isEqualTo("/q/health/ready");
      assertThat(container.at("/resources/limits/memory").asText()).as(name).isNotEmpty();
      assertThat(container.at("/resources/requests/cpu").asText()).as(name).isNotEmpty();
      assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(name).isTrue();
      assertThat(pod.at("/securityContext/runAsUser").asInt()).as(name).isPositive();
      assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true))
          .as(name)
          .isFalse();
      assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
      assertThat(container.path("image").asText())
          .isEqualTo("ghcr.io/pokeapi-observability/" + name + ":1.0.0");
      assertThat(container.path("envFrom").toString()).contains("-config");
    }
    assertThat(kind(docs, "Service")).hasSize(4);
    assertThat(kind(docs, "Secret")).hasSize(1);
    assertThat(kind(docs, "ConfigMap").get(0).at("/data/KAFKA_BOOTSTRAP_SERVERS").asText())
        .isEqualTo("kafka:9092");
    assertThat(kind(docs, "ServiceMonitor")).isEmpty();
    assertThat(kind(docs, "PrometheusRule")).isEmpty();
  }

  @Test
  void fullValuesUseTheExistingSecretExternalServicesAndPrometheusOperator() {
    List<JsonNode> docs = template("-f", FULL);
    assertThat(kind(docs, "Secret")).as("an existing secret: the chart makes none").isEmpty();
    JsonNode diff =
        kind(docs, "Deployment").stream()
            .filter(
                d -> d.at("/spec/template/spec/containers/0/name").asText().equals("diff-service"))
            .findFirst()
            .orElseThrow();
    assertThat(diff.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(diff.at("/spec/template/spec/containers/0/env").toString())
        .contains("pokeobs-credentials")
        .contains("diff-db-password")
        .contains("DIFF_BASELINE_WINDOW");
    assertThat(diff.at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("ghcr.io/example-org/diff-service:1.2.3");
    JsonNode config = kind(docs, "ConfigMap").get(0).path("data");
    assertThat(config.path("KAFKA_BOOTSTRAP_SERVERS").asText())
        .isEqualTo("kafka-0.kafka:9092,kafka-1.kafka:9092");
    assertThat(config.path("POKEOBS_PG_HOST").asText()).isEqualTo("pg.databases.svc");
    assertThat(kind(docs, "Deployment")).hasSize(3);
    assertThat(kind(docs, "ServiceMonitor")).hasSize(1);
    JsonNode rule = kind(docs, "PrometheusRule").get(0);
    assertThat(rule.at("/spec/groups").size())
        .isEqualTo(Repo.yaml("deploy/prometheus/rules/pokeapi-alerts.yml").path("groups").size());
    assertThat(rule.toString()).contains("{{ $labels.endpoint }}");
  }

  @Test
  void theSchemaRejectsBadValues() {
    Tool.Result result =
        helm(
            "template",
            "t",
            CHART,
            "--set",
            "services.probe-service.port=0",
            "--set",
            "pokeapi.baseUrl=ftp://x");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("port").contains("baseUrl");
  }

  private static Tool.Result helm(String... args) {
    Path tools = Tool.npmTools();
    Path home = Repo.work("helm-home");
    List<String> command = new ArrayList<>(List.of(tools.resolve("bin/helm").toString()));
    command.addAll(List.of(args));
    return Tool.run(
        command,
        Map.of(
            "HELM_CACHE_HOME", home.resolve("cache").toString(),
            "HELM_CONFIG_HOME", home.resolve("config").toString(),
            "HELM_DATA_HOME", home.resolve("data").toString()),
        120);
  }

  /**
   * By default each service runs with deploy/local/stack's measured JVM settings in 256 Mi
   * (load-service with its own, a load generator's).
   */
  @Test
  void defaultValuesGiveTheStacksJvmSettingsWithin256Mi() {
    List<JsonNode> docs = template("--set", "secrets.diffDbPassword=x");
    JsonNode config = kind(docs, "ConfigMap").get(0).path("data");
    assertThat(config.path("JAVA_OPTS").asText()).startsWith(Repo.stackServiceJvmOptions() + " ");
    assertThat(config.path("MALLOC_ARENA_MAX").asText()).isEqualTo("2");
    for (JsonNode deployment : kind(docs, "Deployment")) {
      JsonNode container = deployment.at("/spec/template/spec/containers/0");
      assertThat(container.at("/resources/limits/memory").asText())
          .as(container.path("name").asText())
          .isEqualTo("256Mi");
      String javaOpts = null;
      for (JsonNode env : container.path("env")) {
        if (env.path("name").asText().equals("JAVA_OPTS")) {
          javaOpts = env.path("value").asText();
        }
      }
      if (container.path("name").asText().equals("load-service")) {
        // a load generator's own settings override the shared ones
        assertThat(javaOpts).startsWith(Repo.stackLoadJvmOptions() + " ");
      } else {
        assertThat(javaOpts).as(container.path("name").asText()).isNull();
      }
    }
  }

  private static List<JsonNode> template(String... args) {
    List<String> command = new ArrayList<>(List.of("template", "release", CHART));
    command.addAll(List.of(args));
    String yaml = helm(command.toArray(String[]::new)).assertSuccess().output();
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = Repo.YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
    } catch (IOException e) {
      throw new AssertionError("helm template printed no valid YAML:\n" + yaml, e);
    }
    return docs;
  }

  private static List<JsonNode> kind(List<JsonNode> docs, String kind) {
    return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
  }
}
