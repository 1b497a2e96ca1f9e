package io.pokeapi.observability.common.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Opens a page in Debian's headless Chromium (package {@code chromium}, listed in {@code
 * .ci/debian-packages}) with a fresh profile and no background networking, and returns the DOM
 * after its scripts ran together with what Chromium logged.
 */
public final class HeadlessChromium {

  private HeadlessChromium() {}

  /** The Chromium binary, or null when it is not installed. */
  public static Path binary() {
    for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      Path path = Path.of(candidate);
      if (Files.isExecutable(path)) {
        return path;
      }
    }
    return null;
  }

  /** What the page became. */
  public record Rendered(String dom, String log, int exitCode) {}

  /** Loads the file and dumps its DOM once scripts are done (virtual time, at most 60 s). */
  public static Rendered render(Path page) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("load-report-chromium");
    Path out = Files.createTempFile("load-report-dom", ".html");
    Path err = Files.createTempFile("load-report-log", ".txt");
    try {
      List<String> command = new ArrayList<>();
      command.add(binary().toString());
      command.addAll(
          List.of(
              "--headless",
              "--no-sandbox",
              "--disable-gpu",
              "--disable-quic",
              "--no-first-run",
              "--disable-background-networking",
              "--disable-component-update",
              "--disable-sync",
              "--disable-extensions",
              "--disable-dev-shm-usage",
              "--user-data-dir=" + profile,
              "--enable-logging=stderr",
              "--v=0",
              "--virtual-time-budget=15000",
              "--dump-dom",
              page.toUri().toString()));
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("chromium did not finish within 90 s");
      }
      return new Rendered(
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8),
          process.exitValue());
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
