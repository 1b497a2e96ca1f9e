package io.pokeapi.observability.common.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates and reads the real PokéAPI data (api-data layout, gzip JSON) that end-to-end tests and
 * benchmarks use. The data is never copied into the repository: it is looked up, in order, from the
 * system property {@code pokeapi.data.dir}, the environment variable {@code POKEAPI_DATA_DIR},
 * {@code <repo>/../shared/pokeapi} and {@code /work/shared/pokeapi}.
 */
public final class PokeApiData {

  /** The four endpoints whose every resource is in the data set. */
  public static final List<String> FULL_ENDPOINTS =
      List.of("pokemon", "pokemon-species", "ability", "type");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PokeApiData() {}

  /** The data directory (the one holding {@code api/v2}), when one is present. */
  public static Optional<Path> dataDir() {
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

  /** The data directory, or skips the calling test with a message saying how to provide it. */
  public static Path requireDataDir() {
    Optional<Path> dir = dataDir();
    Assumptions.assumeTrue(
        dir.isPresent(),
        "Real PokéAPI data not found: set POKEAPI_DATA_DIR (or -Dpokeapi.data.dir) to a directory"
            + " holding api/v2 in the api-data layout; skipping this real-data test");
    return dir.get();
  }

  /** The resource files ({@code api/v2/<endpoint>/<id>/index.json[.gz]}) of an endpoint, by id. */
  public static List<Path> resourceFiles(Path dataDir, String endpoint) {
    Path endpointDir = dataDir.resolve("api/v2").resolve(endpoint);
    try (Stream<Path> children = Files.list(endpointDir)) {
      return children
          .filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
          .map(PokeApiData::indexFile)
          .flatMap(Optional::stream)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The list file of an endpoint ({@code api/v2/<endpoint>/index.json[.gz]}). */
  public static Path listFile(Path dataDir, String endpoint) {
    return indexFile(dataDir.resolve("api/v2").resolve(endpoint))
        .orElseThrow(() -> new IllegalArgumentException("no list file for " + endpoint));
  }

  /** The raw (uncompressed) bytes of an {@code index.json} or {@code index.json.gz} file. */
  public static byte[] readBytes(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return file.toString().endsWith(".gz")
          ? new GZIPInputStream(in, 65536).readAllBytes()
          : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A parsed {@code index.json} or {@code index.json.gz} file. */
  public static JsonNode readJson(Path file) {
    try {
      return MAPPER.readTree(readBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  private static Optional<Path> indexFile(Path dir) {
    Path gz = dir.resolve("index.json.gz");
    if (Files.isRegularFile(gz)) {
      return Optional.of(gz);
    }
    Path plain = dir.resolve("index.json");
    return Files.isRegularFile(plain) ? Optional.of(plain) : Optional.empty();
  }
}
