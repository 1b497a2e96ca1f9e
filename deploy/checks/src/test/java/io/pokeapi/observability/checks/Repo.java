package io.pokeapi.observability.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Files of the repository the checks read. */
final class Repo {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  private Repo() {}

  /** The repository root (the reactor's directory). */
  static Path root() {
    String dir = System.getProperty("project.root.dir");
    Path root = dir != null ? Path.of(dir) : Path.of("../..");
    return root.toAbsolutePath().normalize();
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  static String read(String relative) {
    try {
      return Files.readString(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode yaml(String relative) {
    try {
      return YAML.readTree(path(relative).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(relative, e);
    }
  }

  static JsonNode json(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
  }

  /** The files directly in {@code dir} whose name ends with {@code suffix}, sorted. */
  static List<Path> files(String dir, String suffix) {
    try (Stream<Path> files = Files.list(path(dir))) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A scratch directory under target/ for one check. */
  static Path work(String name) {
    try {
      Path dir = Path.of(System.getProperty("checks.work.dir", "target/checks")).resolve(name);
      Files.createDirectories(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The JVM options deploy/local/stack gives each service ({@code SERVICE_JVM_OPTS}), the settings
   * measured to fit a 256 MB container, which the compose file and the chart repeat.
   */
  static String stackServiceJvmOptions() {
    return stackVariable("SERVICE_JVM_OPTS");
  }

  /**
   * The JVM options deploy/local/stack gives load-service ({@code LOAD_JVM_OPTS}): a load
   * generator's (C2 on, a bigger heap), which the compose file and the chart repeat.
   */
  static String stackLoadJvmOptions() {
    return stackVariable("LOAD_JVM_OPTS");
  }

  private static String stackVariable(String name) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?m)^" + name + "=\"([^\"]+)\"$")
            .matcher(read("deploy/local/stack"));
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in deploy/local/stack");
    }
    return m.group(1);
  }
}
