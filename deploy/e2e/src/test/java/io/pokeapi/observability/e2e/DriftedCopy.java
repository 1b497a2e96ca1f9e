package io.pokeapi.observability.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * A copy of the data set with five changes of the kinds the diff service must find, and the drift
 * events they must cause, each exactly once:
 *
 * <ul>
 *   <li>a value: pokemon 25's {@code weight} goes up by one (data drift);
 *   <li>a field added to one resource: ability 65 gets {@code e2e_marker} (schema and data drift);
 *   <li>a field removed from every resource of an endpoint: no type has {@code generation} any more
 *       (schema drift once, data drift for each type);
 *   <li>a type change: pokemon 1's {@code base_experience} becomes a string (schema and data
 *       drift);
 *   <li>a value becoming null where it never was: pokemon-species 133's {@code capture_rate}
 *       (schema and data drift);
 * </ul>
 *
 * <p>plus a new release hash in {@code meta}, as a real data deploy has. Only what the double needs
 * is copied (the four swept endpoints, every list, the root index and meta; about 30 MB): the
 * resource files are hard links where the file system allows, and a changed file is written as a
 * new file that replaces the link, so the original data is never touched.
 */
final class DriftedCopy {

  static final String RELEASE_HASH = "e2e0000000000000000000000000000000000001";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSet original;
  private final Path root;
  private final List<DriftEvent> expected = new ArrayList<>();
  private JsonNode weightBefore;

  private DriftedCopy(DataSet original, Path root) {
    this.original = original;
    this.root = root;
  }

  /** Makes the copy in {@code target} (an empty folder outside the checkout and the data). */
  static DriftedCopy create(DataSet original, Path target) {
    Path source = original.root().toAbsolutePath().normalize();
    Path into = target.toAbsolutePath().normalize();
    if (into.startsWith(source) || into.startsWith(E2eSettings.repoRoot())) {
      throw new IllegalArgumentException(
          "the drifted copy must live outside the data and the checkout");
    }
    DriftedCopy copy = new DriftedCopy(original, into);
    copy.copyWhatTheDoubleNeeds();
    copy.drift();
    return copy;
  }

  /** The copy's root, for the double's reload. */
  Path root() {
    return root;
  }

  /** The drift events the sweep over the copy must publish, and no others. */
  List<DriftEvent> expectedEvents() {
    return List.copyOf(expected);
  }

  /** Pokemon 25's weight in the original data. */
  JsonNode weightBefore() {
    return weightBefore;
  }

  /** Removes the copy. */
  void delete() {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void copyWhatTheDoubleNeeds() {
    Path api = original.api();
    try {
      Files.walkFileTree(
          api,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              Path relative = api.relativize(dir);
              boolean withResources =
                  relative.getNameCount() >= 1
                      && DataSet.SWEPT_ENDPOINTS.contains(relative.getName(0).toString());
              if (relative.getNameCount() >= 2 && !withResources) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              Files.createDirectories(target(dir));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              String name = file.getFileName().toString();
              if (name.equals("index.json") || name.equals("index.json.gz")) {
                linkOrCopy(file, target(file));
              }
              return FileVisitResult.CONTINUE;
            }

            private Path target(Path path) {
              return root.resolve("api/v2").resolve(api.relativize(path).toString());
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + api + " to " + root, e);
    }
  }

  private static void linkOrCopy(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  private void drift() {
    // a value
    ObjectNode pikachu = resource("pokemon", "25");
    weightBefore = pikachu.get("weight");
    pikachu.put("weight", weightBefore.asInt() + 1);
    write("pokemon", "25", pikachu);
    expected.add(DriftEvent.data("pokemon", "25", "replace /weight"));

    // a field added to one resource
    ObjectNode overgrow = resource("ability", "65");
    assertThat(overgrow.has("e2e_marker")).isFalse();
    overgrow.put("e2e_marker", "added by the end-to-end test");
    write("ability", "65", overgrow);
    expected.add(DriftEvent.data("ability", "65", "add /e2e_marker"));
    expected.add(DriftEvent.schema("ability", "field_added /e2e_marker"));

    // a field removed from every resource of an endpoint
    for (String id : original.resourceIds("type")) {
      ObjectNode type = resource("type", id);
      assertThat(type.has("generation")).as("type %s has a generation", id).isTrue();
      type.remove("generation");
      write("type", id, type);
      expected.add(DriftEvent.data("type", id, "remove /generation"));
    }
    expected.add(DriftEvent.schema("type", "field_removed /generation"));

    // a type change
    ObjectNode bulbasaur = resource("pokemon", "1");
    assertThat(bulbasaur.get("base_experience").isIntegralNumber()).isTrue();
    bulbasaur.put("base_experience", bulbasaur.get("base_experience").asText());
    write("pokemon", "1", bulbasaur);
    expected.add(DriftEvent.data("pokemon", "1", "replace /base_experience"));
    expected.add(DriftEvent.schema("pokemon", "type_changed /base_experience"));

    // a value becoming null where it never was
    for (String id : original.resourceIds("pokemon-species")) {
      assertThat(original.read("pokemon-species", id).get("capture_rate").isNull())
          .as("capture_rate of pokemon-species %s is null in the original data", id)
          .isFalse();
    }
    ObjectNode eevee = resource("pokemon-species", "133");
    eevee.putNull("capture_rate");
    write("pokemon-species", "133", eevee);
    expected.add(DriftEvent.data("pokemon-species", "133", "replace /capture_rate"));
    expected.add(DriftEvent.schema("pokemon-species", "became_nullable /capture_rate"));

    // a new release, as a real data deploy has
    ObjectNode meta = (ObjectNode) original.read("meta", null).deepCopy();
    meta.put("hash", RELEASE_HASH);
    meta.put("deploy_date", meta.path("deploy_date").asLong() + 86_400);
    writeFile(root.resolve("api/v2/meta"), meta);
  }

  private ObjectNode resource(String endpoint, String id) {
    JsonNode node = original.read(endpoint, id);
    return node.isObject() ? (ObjectNode) node.deepCopy() : JsonNodeFactory.instance.objectNode();
  }

  private void write(String endpoint, String id, ObjectNode document) {
    writeFile(root.resolve("api/v2").resolve(endpoint).resolve(id), document);
  }

  /**
   * Writes {@code index.json.gz} in {@code dir} as a new file that replaces the directory entry (a
   * hard link to the original), never writing through the link.
   */
  private static void writeFile(Path dir, JsonNode document) {
    try {
      Files.deleteIfExists(dir.resolve("index.json"));
      Path temp = Files.createTempFile(dir, ".drifted", ".gz");
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(temp))) {
        JSON.writeValue(out, document);
      }
      Files.move(
          temp,
          dir.resolve("index.json.gz"),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir, e);
    }
  }
}
