package io.pokeapi.observability.diff.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of its own (initdb in a temporary directory, on a free port), for tests that
 * stop and start the database; the machine's own server is never touched. {@code initdb} refuses to
 * run as root, so as root the commands run as the {@code postgres} user.
 */
public final class ThrowawayPostgres implements AutoCloseable {

  private static final Path BIN = findBin();

  private final Path dir;
  private final int port;

  private ThrowawayPostgres(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Whether the PostgreSQL server binaries are installed here. */
  public static boolean available() {
    return BIN != null;
  }

  /** Creates and starts a cluster with one database, {@code database}. */
  public static ThrowawayPostgres start(String database) {
    if (BIN == null) {
      throw new IllegalStateException("no PostgreSQL server binaries under /usr/lib/postgresql");
    }
    try {
      Path dir = Files.createTempDirectory("pokeobs-pg-");
      if (isRoot()) {
        run(List.of("chown", "postgres:postgres", dir.toString()), false);
      }
      ThrowawayPostgres cluster = new ThrowawayPostgres(dir, freePort());
      cluster.pg(
          BIN.resolve("initdb")
              + " -D "
              + dir.resolve("data")
              + " -A trust -U postgres -E UTF8 --locale=C --no-sync");
      cluster.startServer();
      try (Connection c = cluster.connect("postgres");
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + database);
      }
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The cluster a {@link ThrowawayPostgresResource} started (found through system properties, as
   * the resource may live in another class loader than the test).
   */
  public static ThrowawayPostgres current() {
    String dir = System.getProperty(ThrowawayPostgresResource.DIR_PROPERTY);
    String port = System.getProperty(ThrowawayPostgresResource.PORT_PROPERTY);
    if (dir == null || port == null) {
      throw new IllegalStateException("no throwaway PostgreSQL cluster is running");
    }
    return new ThrowawayPostgres(Path.of(dir), Integer.parseInt(port));
  }

  /** The cluster's directory. */
  public Path dir() {
    return dir;
  }

  /** The port the server listens on (127.0.0.1). */
  public int port() {
    return port;
  }

  /** Starts the server (again) and waits until it answers. */
  public void startServer() {
    pg(
        BIN.resolve("pg_ctl")
            + " -D "
            + dir.resolve("data")
            + " -l "
            + dir.resolve("log")
            + " -w -t 60 -o \"-p "
            + port
            + " -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off\" start");
  }

  /** Stops the server (fast shutdown: sessions are cut) and waits until it is down. */
  public void stopServer() {
    pg(BIN.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -m fast -w -t 60 stop");
  }

  /** A JDBC connection to a database of the cluster. */
  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
  }

  @Override
  public void close() {
    try {
      stopServer();
    } catch (RuntimeException ignored) {
      // already down
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory
    }
  }

  private void pg(String command) {
    run(List.of("sh", "-c", command), isRoot());
  }

  private static void run(List<String> command, boolean asPostgres) {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(
          List.of("su", "postgres", "-s", "/bin/sh", "-c", String.join(" ", quote(command))));
    } else {
      full.addAll(command);
    }
    try {
      Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(full + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> quote(List<String> command) {
    return command.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList();
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Path findBin() {
    Path base = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(base)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(base)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(Path::toString))
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }
}
