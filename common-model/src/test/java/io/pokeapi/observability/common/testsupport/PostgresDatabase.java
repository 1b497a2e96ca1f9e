package io.pokeapi.observability.common.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * A fresh, empty PostgreSQL database for one test run, on a real server: {@code
 * pokeobs_test_<random>}, created by {@link #create()} and removed by {@link #drop()} (or, at the
 * latest, when the JVM exits).
 *
 * <p>The server is the one {@code deploy/local/postgres} manages: {@code POKEOBS_PG_HOST} (default
 * 127.0.0.1), {@code POKEOBS_PG_PORT} (5432), {@code POKEOBS_PG_USER} (postgres) and {@code
 * POKEOBS_PG_PASSWORD} (none), each also settable as a system property in lower case with dots
 * ({@code pokeobs.pg.host}, ...).
 */
public final class PostgresDatabase {

  private static final String PREFIX = "pokeobs_test_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String host;
  private final int port;
  private final String username;
  private final String password;
  private final String name;
  private final Thread dropAtExit;
  private boolean dropped;

  private PostgresDatabase(String host, int port, String username, String password, String name) {
    this.host = host;
    this.port = port;
    this.username = username;
    this.password = password;
    this.name = name;
    this.dropAtExit = new Thread(this::dropQuietly, "pokeobs-pg-drop-" + name);
  }

  /**
   * Creates a new database on the configured server.
   *
   * @throws IllegalStateException when the server does not answer, saying what to start
   */
  public static PostgresDatabase create() {
    byte[] random = new byte[6];
    RANDOM.nextBytes(random);
    PostgresDatabase database =
        new PostgresDatabase(
            setting("host", "127.0.0.1"),
            Integer.parseInt(setting("port", "5432")),
            setting("user", "postgres"),
            setting("password", ""),
            PREFIX + HexFormat.of().formatHex(random));
    database.execute("CREATE DATABASE " + database.name);
    Runtime.getRuntime().addShutdownHook(database.dropAtExit);
    return database;
  }

  /** The database name, {@code pokeobs_test_} and 12 hex digits. */
  public String name() {
    return name;
  }

  /** {@code jdbc:postgresql://host:port/name}. */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + name;
  }

  /** The URL the Vert.x reactive client takes: {@code postgresql://host:port/name}. */
  public String reactiveUrl() {
    return "postgresql://" + host + ":" + port + "/" + name;
  }

  public String username() {
    return username;
  }

  /** The password, empty when the server trusts local connections. */
  public String password() {
    return password;
  }

  /** A new JDBC connection to this database; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), connectionProperties());
  }

  /** Drops the database, closing any connection still open to it. Calling it again does nothing. */
  public synchronized void drop() {
    if (dropped) {
      return;
    }
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    dropped = true;
    try {
      Runtime.getRuntime().removeShutdownHook(dropAtExit);
    } catch (IllegalStateException shuttingDown) {
      // called from the hook itself, or during shutdown: nothing left to deregister
    }
  }

  @Override
  public String toString() {
    return "PostgresDatabase[" + name + " at " + host + ":" + port + "]";
  }

  private void dropQuietly() {
    try {
      drop();
    } catch (RuntimeException e) {
      System.err.println("PostgresDatabase: could not drop " + name + ": " + e.getMessage());
    }
  }

  /** Runs one statement on the server's maintenance database {@code postgres}. */
  private void execute(String sql) {
    String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
    try (Connection connection = DriverManager.getConnection(url, connectionProperties());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.startsWith("08") || state.startsWith("28")) {
        throw new IllegalStateException(
            "Cannot connect to PostgreSQL at "
                + host
                + ":"
                + port
                + " as user "
                + username
                + " ("
                + e.getMessage()
                + "). Start one with `deploy/local/postgres ensure`, or point POKEOBS_PG_HOST,"
                + " POKEOBS_PG_PORT, POKEOBS_PG_USER and POKEOBS_PG_PASSWORD at a running server.",
            e);
      }
      throw new IllegalStateException("`" + sql + "` failed on " + host + ":" + port, e);
    }
  }

  private Properties connectionProperties() {
    Properties properties = new Properties();
    properties.setProperty("user", username);
    if (!password.isEmpty()) {
      properties.setProperty("password", password);
    }
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("ApplicationName", "pokeobs-tests");
    return properties;
  }

  private static String setting(String key, String fallback) {
    String value = System.getProperty("pokeobs.pg." + key);
    if (value == null || value.isBlank()) {
      value = System.getenv("POKEOBS_PG_" + key.toUpperCase(Locale.ROOT));
    }
    return value == null || value.isBlank() ? fallback : value;
  }
}
