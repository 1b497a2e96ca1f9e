package io.pokeapi.observability.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A PokéAPI data directory in the api-data layout ({@code api/v2/<endpoint>/<id>/index.json[.gz]}).
 */
record DataSet(Path root) {

  /** The endpoints the sweep covers, with every resource in the shared data set. */
  static final List<String> SWEPT_ENDPOINTS =
      List.of("pokemon", "pokemon-species", "ability", "type");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code api/v2}. */
  Path api() {
    return root.resolve("api/v2");
  }

  /** The ids of the resources of an endpoint that have a file. */
  SortedSet<String> resourceIds(String endpoint) {
    SortedSet<String> ids = new TreeSet<>();
    try (Stream<Path> dirs = Files.list(api().resolve(endpoint))) {
      dirs.filter(Files::isDirectory)
          .filter(d -> file(d).isPresent())
          .forEach(d -> ids.add(d.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }

  /** The resource ids of each swept endpoint. */
  Map<String, SortedSet<String>> sweptResources() {
    Map<String, SortedSet<String>> all = new TreeMap<>();
    SWEPT_ENDPOINTS.forEach(e -> all.put(e, resourceIds(e)));
    return all;
  }

  /** The parsed document of a resource, or of a list or meta when {@code id} is null. */
  JsonNode read(String endpoint, String id) {
    Path dir = id == null ? api().resolve(endpoint) : api().resolve(endpoint).resolve(id);
    Path file = file(dir).orElseThrow(() -> new IllegalArgumentException("no document in " + dir));
    try (InputStream in = open(file)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file of the document in {@code dir}: {@code index.json.gz} or {@code index.json}. */
  static java.util.Optional<Path> file(Path dir) {
    Path gz = dir.resolve("index.json.gz");
    if (Files.isRegularFile(gz)) {
      return java.util.Optional.of(gz);
    }
    Path plain = dir.resolve("index.json");
    return Files.isRegularFile(plain) ? java.util.Optional.of(plain) : java.util.Optional.empty();
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 65536) : in;
  }
}
