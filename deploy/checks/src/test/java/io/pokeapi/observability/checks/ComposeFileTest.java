package io.pokeapi.observability.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.common.contract.KafkaMessageLimits;
import io.pokeapi.observability.common.contract.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/docker-compose.yml: valid for docker-compose, and what it promises. */
class ComposeFileTest {

  private static final String COMPOSE = "deploy/docker-compose.yml";
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)");
  private static final List<String> SERVICES =
      List.of("probe-service", "diff-service", "load-service", "reporter-service");

  /**
   * The file as {@code docker-compose config} resolves it (anchors merged, variables from
   * .env.example); the command fails, as {@code config -q} does, on an invalid file.
   */
  private static JsonNode resolved;

  @BeforeAll
  static void resolve() throws IOException {
    String compose = Tool.onPath("docker-compose", "docker-compose");
    Path env = Repo.work("compose").resolve("env");
    // .env.example with a placeholder for every empty secret, as a user's .env would have
    String example = Repo.read("deploy/.env.example");
    Files.writeString(
        env,
        example
            .lines()
            .map(l -> l.matches("^[A-Z_]*(PASSWORD|API_KEY|TOKEN)=$") ? l + "placeholder" : l)
            .collect(Collectors.joining("\n", "", "\n")));
    Tool.Result result =
        Tool.run(
                List.of(compose, "--env-file", env.toString(), "-f", COMPOSE, "config"),
                Map.of(),
                120)
            .assertSuccess();
    String yaml = result.output();
    resolved = Repo.YAML.readTree(yaml.substring(yaml.indexOf("services:")));
  }

  @Test
  void everyVariableIsListedInEnvExample() {
    Set<String> used = new TreeSet<>();
    Matcher m = VARIABLE.matcher(Repo.read(COMPOSE));
    while (m.find()) {
      used.add(m.group(1));
    }
    Set<String> listed =
        Repo.read("deploy/.env.example")
            .lines()
            .filter(l -> l.matches("^[A-Z0-9_]+=.*"))
            .map(l -> l.substring(0, l.indexOf('=')))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(listed).containsAll(used);
  }

  @Test
  void noSecretIsCommitted() {
    assertThat(
            Repo.read("deploy/.env.example")
                .lines()
                .filter(l -> l.matches("^[A-Z_]*(PASSWORD|API_KEY|TOKEN)=.+")))
        .as("secrets in .env.example must be empty")
        .isEmpty();
    JsonNode raw = Repo.yaml(COMPOSE).path("services");
    raw.properties()
        .forEach(
            service ->
                service
                    .getValue()
                    .path("environment")
                    .properties()
                    .forEach(
                        e -> {
                          if (e.getKey().matches(".*(PASSWORD|PASS|API_KEY|TOKEN)$")) {
                            assertThat(e.getValue().asText())
                                .as("%s of %s", e.getKey(), service.getKey())
                                .startsWith("${");
                          }
                        }));
  }

  @Test
  void everyLongRunningServiceHasAHealthCheckAndWaitsForHealthyDependencies() {
    Set<String> oneShot = Set.of("kafka-topics", "rp-migrations");
    resolved
        .path("services")
        .properties()
        .forEach(
            service -> {
              String name = service.getKey();
              JsonNode spec = service.getValue();
              if (!oneShot.contains(name) && !name.equals("rp-analyzer")) {
                assertThat(spec.has("healthcheck")).as("%s has a healthcheck", name).isTrue();
              }
              spec.path("depends_on")
                  .properties()
                  .forEach(
                      dep ->
                          assertThat(dep.getValue().path("condition").asText())
                              .as("%s depends on %s", name, dep.getKey())
                              .isIn(
                                  oneShot.contains(dep.getKey())
                                      ? "service_completed_successfully"
                                      : "service_healthy"));
            });
  }

  @Test
  void servicesUseTheReleasedImagesWithConfigurableRegistryAndTag() {
    JsonNode raw = Repo.yaml(COMPOSE).path("services");
    for (String service : List.of("diff-service", "reporter-service", "pokeapi-double")) {
      assertThat(raw.path(service).path("image").asText())
          .isEqualTo(
              "${POKEOBS_REGISTRY:-ghcr.io/pokeapi-observability}/"
                  + service
                  + ":${POKEOBS_TAG:-latest}");
    }
    for (String service : SERVICES) {
      assertThat(resolved.path("services").path(service).path("image").asText())
          .isEqualTo("ghcr.io/pokeapi-observability/" + service + ":latest");
    }
  }

  /**
   * Each service runs with deploy/local/stack's measured JVM settings in a 256 MB container
   * (load-service with its own, a load generator's).
   */
  @Test
  void servicesRunWithTheStacksJvmSettingsWithin256Megabytes() {
    for (String service :
        List.of(
            "probe-service",
            "diff-service",
            "load-service",
            "load-service-offline",
            "reporter-service")) {
      String options =
          service.startsWith("load-service")
              ? Repo.stackLoadJvmOptions()
              : Repo.stackServiceJvmOptions();
      JsonNode spec = resolved.path("services").path(service);
      assertThat(spec.path("environment").path("JAVA_OPTS").asText())
          .as("JAVA_OPTS of %s", service)
          .startsWith(options + " ");
      assertThat(spec.path("environment").path("MALLOC_ARENA_MAX").asText()).isEqualTo("2");
      assertThat(spec.at("/deploy/resources/limits/memory").asText())
          .as("memory limit of %s", service)
          .isIn("256m", "268435456");
    }
  }

  /** The topics get the settings KafkaMessageLimits gives them (8 MiB bodies go through). */
  @Test
  void kafkaTopicsAreCreatedWithTheLimitsTheServicesRelyOn() {
    String script = resolved.path("services").path("kafka-topics").path("command").get(0).asText();
    for (String topic : Topics.ALL) {
      assertThat(script).contains(topic);
    }
    Map<String, String> config = KafkaMessageLimits.topicConfig();
    config.forEach((key, value) -> assertThat(script).contains(key + "=" + value));
    long brokerLimit =
        resolved
            .path("services")
            .path("kafka")
            .path("environment")
            .path("KAFKA_MESSAGE_MAX_BYTES")
            .asLong();
    assertThat(brokerLimit).isGreaterThanOrEqualTo(KafkaMessageLimits.MAX_MESSAGE_BYTES);
    assertThat(resolved.path("services").path("kafka").path("image").asText())
        .startsWith("apache/kafka:");
  }

  @Test
  void theOfflineProfileAimsProbeAndLoadAtTheDouble() {
    JsonNode services = resolved.path("services");
    assertThat(services.path("pokeapi-double").path("profiles").toString()).contains("offline");
    assertThat(
            services
                .path("probe-service-offline")
                .path("environment")
                .path("PROBE_POKEAPI_BASE_URL")
                .asText())
        .isEqualTo("http://pokeapi-double:8080/api/v2");
    assertThat(
            services
                .path("load-service-offline")
                .path("environment")
                .path("LOAD_TARGET_BASE_URL")
                .asText())
        .isEqualTo("http://pokeapi-double:8080/api/v2");
    assertThat(
            services
                .path("probe-service")
                .path("environment")
                .path("PROBE_POKEAPI_BASE_URL")
                .asText())
        .isEqualTo("https://pokeapi.co/api/v2");
    for (String heavy : List.of("rp-api", "rp-ui", "rp-uat", "rp-jobs", "rp-index", "rp-gateway")) {
      assertThat(services.path(heavy).path("profiles").toString()).contains("reportportal");
    }
    assertThat(services.path("pgadmin").path("profiles").toString()).contains("pgadmin");
  }

  @Test
  void prometheusGrafanaAndLokiGetTheRepositorysConfig() {
    JsonNode services = resolved.path("services");
    assertThat(services.path("prometheus").path("volumes").toString())
        .contains("prometheus.yml")
        .contains("/etc/prometheus/rules");
    assertThat(services.path("grafana").path("volumes").toString())
        .contains("dashboards/provisioning/datasources")
        .contains("/var/lib/grafana/dashboards");
    assertThat(services.path("promtail").path("volumes").toString()).contains("promtail.yml");
  }
}
