package io.pokeapi.observability.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the end-to-end tests find the checkout, the real data and the stack's state, and which
 * ports the stack uses (not the defaults, so that the tests run beside a developer's own stack).
 */
final class E2eSettings {

  private E2eSettings() {}

  /** The checkout: system property {@code project.root.dir}, else found upwards from here. */
  static Path repoRoot() {
    String configured = System.getProperty("project.root.dir");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isExecutable(dir.resolve("deploy/local/stack"))
          && Files.exists(dir.resolve("mvnw"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("cannot find the checkout (set -Dproject.root.dir)");
  }

  /**
   * The real PokéAPI data set: system property {@code pokeapi.data.dir}, env {@code
   * POKEAPI_DATA_DIR}, {@code <repo>/../shared/pokeapi}, then {@code /work/shared/pokeapi}; the
   * first that holds {@code api/v2}.
   */
  static Optional<Path> dataDir() {
    List<String> candidates = new ArrayList<>();
    candidates.add(System.getProperty("pokeapi.data.dir"));
    candidates.add(System.getenv("POKEAPI_DATA_DIR"));
    candidates.add(repoRoot().resolve("../shared/pokeapi").toString());
    candidates.add("/work/shared/pokeapi");
    return candidates.stream()
        .filter(c -> c != null && !c.isBlank())
        .map(c -> Path.of(c).toAbsolutePath().normalize())
        .filter(p -> Files.isDirectory(p.resolve("api/v2")))
        .findFirst();
  }

  /** The places {@link #dataDir()} looked at, for the skip message. */
  static String dataDirCandidates() {
    return "-Dpokeapi.data.dir, $POKEAPI_DATA_DIR, "
        + repoRoot().resolve("../shared/pokeapi").normalize()
        + ", /work/shared/pokeapi";
  }

  /** The stack's state folder for the tests (pid files, logs, Kafka's data). */
  static Path stackDir() {
    return Path.of(System.getProperty("e2e.stack.dir", "target/e2e-stack")).toAbsolutePath();
  }

  /** The Maven output folder suffix the service jars were built with ({@code -Dbuild.suffix}). */
  static String buildSuffix() {
    return System.getProperty("e2e.build.suffix", "");
  }

  /**
   * A port of the test stack: system property {@code e2e.port.<name>}, else the default moved by
   * {@code e2e.port.offset} (default 0), so that two checkouts can run the tests side by side.
   */
  static int port(String name, int defaultPort) {
    return Integer.getInteger(
        "e2e.port." + name, defaultPort + Integer.getInteger("e2e.port.offset", 0));
  }

  /**
   * The name of the tests' databases (the others add a suffix): system property {@code
   * e2e.db.prefix}, default {@code pokeobs_e2e}.
   */
  static String databasePrefix() {
    return System.getProperty("e2e.db.prefix", "pokeobs_e2e");
  }
}
