package io.pokeapi.observability.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives {@code deploy/local/stack} (and {@code deploy/local/postgres}) the way an operator does:
 * the tests bring the system up with the same command README documents, kill and restart its parts,
 * and read its addresses from {@code stack env}.
 */
final class Stack {

  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(15);

  private final Path repoRoot;
  private final Path dataDir;
  private final Map<String, String> environment;

  /**
   * A stack whose state lives in {@code stackDir}, on its own ports, with the double serving {@code
   * dataDir}.
   */
  Stack(Path repoRoot, Path dataDir, Path stackDir, String database, String buildSuffix) {
    this(repoRoot, dataDir, stackDir, database, buildSuffix, 0);
  }

  /**
   * A stack as above whose ports are the usual ones plus {@code portShift}, so that two test
   * classes never meet on a port a slow shutdown has not released yet.
   */
  Stack(
      Path repoRoot,
      Path dataDir,
      Path stackDir,
      String database,
      String buildSuffix,
      int portShift) {
    this.repoRoot = repoRoot;
    this.dataDir = dataDir;
    Map<String, String> env = new LinkedHashMap<>();
    env.put("POKEOBS_STACK_DIR", stackDir.toString());
    env.put("POKEOBS_BUILD_SUFFIX", buildSuffix);
    env.put("POKEOBS_PG_DB", database);
    env.put("POKEOBS_KAFKA_PORT", Integer.toString(E2eSettings.port("kafka", 19092) + portShift));
    env.put("POKEOBS_DOUBLE_PORT", Integer.toString(E2eSettings.port("double", 18080) + portShift));
    env.put("POKEOBS_PROBE_PORT", Integer.toString(E2eSettings.port("probe", 18081) + portShift));
    env.put("POKEOBS_DIFF_PORT", Integer.toString(E2eSettings.port("diff", 18082) + portShift));
    env.put("POKEOBS_LOAD_PORT", Integer.toString(E2eSettings.port("load", 18083) + portShift));
    env.put(
        "POKEOBS_REPORTER_PORT", Integer.toString(E2eSettings.port("reporter", 18084) + portShift));
    // Prometheus (and Alertmanager) when installed, scraping often enough for a short scenario
    env.put(
        "POKEOBS_PROMETHEUS_PORT",
        Integer.toString(E2eSettings.port("prometheus", 18090) + portShift));
    env.put(
        "POKEOBS_ALERTMANAGER_PORT",
        Integer.toString(E2eSettings.port("alertmanager", 18095) + portShift));
    env.put("POKEOBS_PROMETHEUS_SCRAPE_INTERVAL", "5s");
    // the ReportPortal double the reporter reports to (no REPORTPORTAL_ENDPOINT in the tests)
    env.put(
        "POKEOBS_RP_DOUBLE_PORT",
        Integer.toString(E2eSettings.port("rp-double", 18085) + portShift));
    // runs start only when a step asks for one
    env.put("PROBE_SCHEDULE_SMOKE", "off");
    env.put("PROBE_SCHEDULE_REGRESSION", "off");
    env.put("PROBE_SCHEDULE_SWEEP", "off");
    this.environment = env;
  }

  /** Sets an environment variable of every later command (and of the components it starts). */
  void setEnv(String name, String value) {
    environment.put(name, value);
  }

  /** {@code deploy/local/postgres ARGS} with the stack's PostgreSQL settings. */
  String postgres(String... args) {
    List<String> command = new ArrayList<>(List.of("deploy/local/postgres"));
    command.addAll(List.of(args));
    return run(command.toArray(String[]::new));
  }

  /** The database the diff service uses. */
  String database() {
    return environment.get("POKEOBS_PG_DB");
  }

  /** Sets a variable of the environment the components start with (from their next start). */
  void setEnvironment(String key, String value) {
    environment.put(key, value);
  }

  /** Points the diff service at another database the next time it starts. */
  void useDatabase(String database) {
    environment.put("POKEOBS_PG_DB", database);
  }

  /**
   * {@code stack up --offline DATA --no-smoke}: starts what does not run, waits for every health
   * check.
   */
  String up() {
    return run("deploy/local/stack", "up", "--offline", dataDir.toString(), "--no-smoke");
  }

  /**
   * {@link #up()} with the jars as they are: a restart in the middle of a scenario never rebuilds.
   */
  String restart() {
    return run(
        "deploy/local/stack", "up", "--offline", dataDir.toString(), "--no-smoke", "--no-build");
  }

  /** {@code stack down [components]}. */
  void down(String... components) {
    List<String> args = new ArrayList<>(List.of("deploy/local/stack", "down"));
    args.addAll(List.of(components));
    run(args.toArray(String[]::new));
  }

  /** {@code stack status}; its exit code is not checked (1 when something is down). */
  String status() {
    return runUnchecked("deploy/local/stack", "status").output();
  }

  /** The addresses and pids {@code stack env} prints. */
  Map<String, String> env() {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : run("deploy/local/stack", "env").split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return values;
  }

  /** One value of {@link #env()}, which must be set. */
  String env(String key) {
    String value = env().get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("stack env has no " + key);
    }
    return value;
  }

  /** Sends SIGKILL to a component and waits until it is gone. */
  long kill9(String pidKey) {
    return kill9(pid(pidKey));
  }

  /** The pid of a component, as {@code stack env} prints it ({@code DIFF_PID} and so on). */
  long pid(String pidKey) {
    return Long.parseLong(env(pidKey));
  }

  /**
   * Sends SIGKILL to {@code pid} (looked up beforehand with {@link #pid}, so that the kill lands at
   * once) and waits until it is gone.
   */
  long kill9(long pid) {
    ProcessHandle process =
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
    process.destroyForcibly();
    process.onExit().orTimeout(60, TimeUnit.SECONDS).join();
    return pid;
  }

  /** Creates nothing; drops {@code database} if it exists. */
  void dropDatabase(String database) {
    run("deploy/local/postgres", "drop", "--db", database);
  }

  private String run(String... command) {
    Result result = runUnchecked(command);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(
          String.join(" ", command)
              + " exited with "
              + result.exitCode()
              + ":\n"
              + result.output());
    }
    return result.output();
  }

  private record Result(int exitCode, String output) {}

  private Result runUnchecked(String... command) {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(repoRoot.toFile()).redirectErrorStream(false);
    builder.environment().putAll(environment);
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not end in time");
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command[0], e);
    }
  }
}
