package io.pokeapi.observability.pokeapidouble.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The small api-data fixture under {@code src/test/resources/fixtures/api-data}. */
public final class Fixtures {

  private Fixtures() {}

  /** The fixture data directory (read-only use). */
  public static Path dataDir() {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/api-data").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A writable copy of the fixture in {@code target}, for tests that edit the data. */
  public static Path copyTo(Path target) {
    Path source = dataDir();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }
}
