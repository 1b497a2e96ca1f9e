package io.pokeapi.observability.common.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka broker for tests: one per JVM, never a fake.
 *
 * <p>{@link #shared()} reuses the broker named by the environment variable {@code
 * KAFKA_BOOTSTRAP_SERVERS} when it answers; otherwise it starts a broker of its own with {@code
 * deploy/local/kafka} (a separate JVM, KRaft mode) on free ports in a temporary directory, and
 * stops it when the JVM exits. The started broker is remembered in the system property {@value
 * #BOOTSTRAP_PROPERTY}, so that copies of this class in other class loaders of the same JVM
 * (Quarkus loads tests in its own) share it.
 */
public final class KafkaBroker {

  /** The system property holding the bootstrap address of this JVM's broker once known. */
  public static final String BOOTSTRAP_PROPERTY = "pokeobs.test.kafka.bootstrap.servers";

  private static final String ENV_BOOTSTRAP = "KAFKA_BOOTSTRAP_SERVERS";
  private static final String SCRIPT = "deploy/local/kafka";
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
  // the broker just said it is ready: a slow answer means a busy machine, not a missing broker
  private static final Duration STARTED_PROBE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  private static final int START_ATTEMPTS = 3;
  private static final int EXIT_PORT_IN_USE = 4;

  private static KafkaBroker shared;

  private final String bootstrapServers;

  private KafkaBroker(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * This JVM's broker: the one at {@code KAFKA_BOOTSTRAP_SERVERS} when it answers, else one started
   * on first use.
   *
   * @throws IllegalStateException when no broker can be reached or started, saying what to start
   */
  public static synchronized KafkaBroker shared() {
    if (shared == null) {
      shared = new KafkaBroker(locateOrStart());
    }
    return shared;
  }

  /** A broker at a known address (no process is started or stopped). */
  public static KafkaBroker at(String bootstrapServers) {
    return new KafkaBroker(bootstrapServers);
  }

  /** The {@code bootstrap.servers} value clients use, e.g. {@code 127.0.0.1:40123}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Settings for an admin, producer or consumer client: the bootstrap address and a client id. */
  public Map<String, Object> clientConfig(String clientId) {
    return Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.CLIENT_ID_CONFIG, clientId);
  }

  /**
   * Creates a topic with one replica per partition, unless it already exists (then it is left as it
   * is). Returns once the broker serves the topic's metadata.
   *
   * @param config topic settings, e.g. {@code max.message.bytes}; may be empty
   */
  public void createTopic(String name, int partitions, Map<String, String> config) {
    try (Admin admin = Admin.create(clientConfig("pokeobs-test-admin"))) {
      NewTopic topic =
          new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(config);
      try {
        admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("cannot create topic " + name, e.getCause());
        }
      }
      admin.describeTopics(List.of(name)).allTopicNames().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + name, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topic " + name, e);
    }
  }

  /** Creates a topic without extra settings, unless it already exists. */
  public void createTopic(String name, int partitions) {
    createTopic(name, partitions, Map.of());
  }

  /** Whether a broker at {@code bootstrapServers} answers a metadata request within the timeout. */
  public static boolean answers(String bootstrapServers, Duration timeout) {
    int timeoutMs = Math.toIntExact(timeout.toMillis());
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.CLIENT_ID_CONFIG,
            "pokeobs-test-probe",
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            timeoutMs,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            timeoutMs,
            AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG,
            (long) timeoutMs,
            AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG,
            (long) timeoutMs);
    try (Admin admin = Admin.create(config)) {
      return !admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
          .nodes()
          .get(timeoutMs + 1000L, TimeUnit.MILLISECONDS)
          .isEmpty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (RuntimeException | ExecutionException | TimeoutException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "KafkaBroker[" + bootstrapServers + "]";
  }

  private static String locateOrStart() {
    String known = System.getProperty(BOOTSTRAP_PROPERTY);
    if (known != null && !known.isBlank()) {
      return known;
    }
    String fromEnv = System.getenv(ENV_BOOTSTRAP);
    if (fromEnv != null && !fromEnv.isBlank()) {
      if (answers(fromEnv, PROBE_TIMEOUT)) {
        System.setProperty(BOOTSTRAP_PROPERTY, fromEnv);
        return fromEnv;
      }
      System.err.printf(
          "KafkaBroker: %s=%s does not answer; starting a broker for this test run%n",
          ENV_BOOTSTRAP, fromEnv);
    }
    String started = startOwnBroker();
    System.setProperty(BOOTSTRAP_PROPERTY, started);
    return started;
  }

  private static String startOwnBroker() {
    Path script = findScript();
    Path stateDir;
    try {
      stateDir = Files.createTempDirectory("pokeobs-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for the test broker", e);
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stop(script, stateDir), "pokeobs-kafka-stop"));
    ScriptResult last = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      int[] ports = freePorts(2);
      last =
          run(
              script,
              START_TIMEOUT,
              "start",
              "--port",
              Integer.toString(ports[0]),
              "--controller-port",
              Integer.toString(ports[1]),
              "--dir",
              stateDir.toString(),
              "--watch-pid",
              Long.toString(ProcessHandle.current().pid()));
      if (last.exitCode() == 0) {
        String bootstrap = last.lastLine();
        if (answers(bootstrap, STARTED_PROBE_TIMEOUT)) {
          return bootstrap;
        }
      } else if (last.exitCode() != EXIT_PORT_IN_USE) {
        break;
      }
    }
    throw new IllegalStateException(
        "Could not start a Kafka broker for the tests with "
            + script
            + " (exit "
            + last.exitCode()
            + "):\n"
            + last.output()
            + "\nStart one yourself and point the tests at it, e.g.\n"
            + "  deploy/local/kafka start && export "
            + ENV_BOOTSTRAP
            + "=127.0.0.1:9092");
  }

  private static void stop(Path script, Path stateDir) {
    run(script, Duration.ofSeconds(60), "stop", "--dir", stateDir.toString());
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("KafkaBroker: could not remove " + stateDir + ": " + e);
    }
  }

  private record ScriptResult(int exitCode, String output) {
    String lastLine() {
      String[] lines = output.strip().split("\\R");
      return lines[lines.length - 1].strip();
    }
  }

  private static ScriptResult run(Path script, Duration timeout, String... args) {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    try {
      Path output = Files.createTempFile("pokeobs-kafka-script-", ".log");
      try {
        Process process = builder.redirectOutput(output.toFile()).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly();
          return new ScriptResult(
              -1, Files.readString(output) + "\n(gave up after " + timeout.toSeconds() + " s)");
        }
        return new ScriptResult(
            process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      return new ScriptResult(-1, "cannot run " + script + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ScriptResult(-1, "interrupted while running " + script);
    }
  }

  /** deploy/local/kafka of this checkout: from {@code project.root.dir}, else above the cwd. */
  private static Path findScript() {
    List<Path> roots = new ArrayList<>();
    String root = System.getProperty("project.root.dir");
    if (root != null && !root.isBlank()) {
      roots.add(Path.of(root));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      roots.add(dir);
    }
    return roots.stream()
        .map(r -> r.resolve(SCRIPT))
        .filter(Files::isRegularFile)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No Kafka broker for the tests: "
                        + ENV_BOOTSTRAP
                        + " is not set and "
                        + SCRIPT
                        + " was not found above "
                        + Path.of("").toAbsolutePath()
                        + ". Start a broker and export "
                        + ENV_BOOTSTRAP
                        + "=host:port"));
  }

  /** Distinct free local ports (released again: the script checks they are still free). */
  private static int[] freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(false);
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find free ports for the test broker", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // nothing to do: the port is released either way
        }
      }
    }
  }
}
