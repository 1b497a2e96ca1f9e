package io.pokeapi.observability.pokeapidouble.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real PokéAPI data set, never copied into the repository: the system property {@code
 * pokeapi.data.dir}, the environment variable {@code POKEAPI_DATA_DIR}, {@code
 * <repo>/../shared/pokeapi}, then {@code /work/shared/pokeapi}.
 */
public final class RealData {

  private RealData() {}

  /** The data directory, or skips the calling test saying how to provide one. */
  public static Path requireDataDir() {
    Optional<Path> dir = dataDir();
    Assumptions.assumeTrue(
        dir.isPresent(),
        "Real PokéAPI data not found: set POKEAPI_DATA_DIR (or -Dpokeapi.data.dir) to a directory"
            + " holding api/v2; skipping this real-data test");
    return dir.get();
  }

  private static Optional<Path> dataDir() {
    List<String> candidates = new ArrayList<>();
    candidates.add(System.getProperty("pokeapi.data.dir"));
    candidates.add(System.getenv("POKEAPI_DATA_DIR"));
    String root = System.getProperty("project.root.dir");
    if (root != null) {
      candidates.add(root + "/../shared/pokeapi");
    }
    candidates.add("/work/shared/pokeapi");
    return candidates.stream()
        .filter(c -> c != null && !c.isBlank())
        .map(Path::of)
        .filter(p -> Files.isDirectory(p.resolve("api/v2")))
        .map(Path::normalize)
        .findFirst();
  }
}
