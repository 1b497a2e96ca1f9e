package io.pokeapi.observability.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Promtail pipeline of {@code deploy/loki/promtail.yml} applied to log lines: its {@code json}
 * stage's expressions (dotted paths into the line's JSON object), then which extracted values
 * become labels and which structured metadata. Loki and Promtail are not installable on the test
 * machine, so the end-to-end test feeds the lines the services really wrote through this.
 */
final class LogPipeline {

  /** One JSON log line after the pipeline: its labels and its structured metadata. */
  record Entry(String file, Map<String, String> labels, Map<String, String> metadata) {}

  private final Map<String, String> expressions = new LinkedHashMap<>();
  private final List<String> labels = new ArrayList<>();
  private final List<String> metadata = new ArrayList<>();
  private final List<String> relabelTargets = new ArrayList<>();
  private final List<String> relabelSources = new ArrayList<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  LogPipeline(Path promtailConfig) {
    try {
      JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(promtailConfig.toFile());
      JsonNode job = config.path("scrape_configs").get(0);
      for (JsonNode relabel : job.path("relabel_configs")) {
        relabelTargets.add(relabel.path("target_label").asText());
        relabel.path("source_labels").forEach(s -> relabelSources.add(s.asText()));
      }
      for (JsonNode stage : job.path("pipeline_stages")) {
        stage
            .path("json")
            .path("expressions")
            .properties()
            .forEach(e -> expressions.put(e.getKey(), e.getValue().asText()));
        stage.path("labels").fieldNames().forEachRemaining(labels::add);
        stage.path("structured_metadata").fieldNames().forEachRemaining(metadata::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The labels the pipeline sets from extracted values. */
  List<String> labels() {
    return labels;
  }

  /** The extracted values kept as structured metadata. */
  List<String> metadata() {
    return metadata;
  }

  /** The labels relabelling sets from Docker's service discovery (before the pipeline). */
  List<String> relabelTargets() {
    return relabelTargets;
  }

  /** The discovery meta labels relabelling reads. */
  List<String> relabelSources() {
    return relabelSources;
  }

  /** Every extracted name (json stage), in the config's order. */
  Map<String, String> expressions() {
    return expressions;
  }

  /**
   * The JSON lines of one log file through the pipeline; other lines (the JVM's own warnings on
   * stderr, the stack's start markers) are counted in {@code skipped}.
   */
  List<Entry> read(Path log, int[] skipped) {
    List<Entry> entries = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(log)) {
        Optional<JsonNode> json = parse(line);
        if (json.isEmpty()) {
          skipped[0]++;
          continue;
        }
        Map<String, String> extracted = new LinkedHashMap<>();
        expressions.forEach(
            (name, path) -> {
              JsonNode node = json.get();
              for (String part : path.split("\\.")) {
                node = node.path(part);
              }
              if (node.isValueNode() && !node.asText().isEmpty()) {
                extracted.put(name, node.asText());
              }
            });
        Map<String, String> entryLabels = new LinkedHashMap<>();
        Map<String, String> entryMetadata = new LinkedHashMap<>();
        labels.forEach(
            l -> Optional.ofNullable(extracted.get(l)).ifPresent(v -> entryLabels.put(l, v)));
        metadata.forEach(
            m -> Optional.ofNullable(extracted.get(m)).ifPresent(v -> entryMetadata.put(m, v)));
        entries.add(new Entry(log.getFileName().toString(), entryLabels, entryMetadata));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  private static Optional<JsonNode> parse(String line) {
    if (!line.startsWith("{")) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(line);
      return node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
