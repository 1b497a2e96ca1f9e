package io.pokeapi.observability.common.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Each test run gets a database of its own on the real server, and it is gone afterwards. */
class PostgresDatabaseTest {

  @Test
  void createdDatabaseIsUsableAndDropRemovesItEvenWithAConnectionOpen() throws Exception {
    PostgresDatabase database = PostgresDatabase.create();
    assertThat(database.name()).matches("pokeobs_test_[0-9a-f]{12}");
    assertThat(database.jdbcUrl()).endsWith("/" + database.name()).startsWith("jdbc:postgresql://");
    assertThat(database.reactiveUrl()).isEqualTo(database.jdbcUrl().substring("jdbc:".length()));

    try (Connection connection = database.connect()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE pokemon (id int PRIMARY KEY, name text NOT NULL)");
        statement.execute("INSERT INTO pokemon VALUES (25, 'pikachu')");
        try (ResultSet rows = statement.executeQuery("SELECT name FROM pokemon WHERE id = 25")) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getString(1)).isEqualTo("pikachu");
        }
      }
      assertThat(exists(database)).isTrue();

      database.drop();
    }
    assertThat(exists(database)).isFalse();
    database.drop();
  }

  @Test
  void twoDatabasesAreIndependent() throws Exception {
    PostgresDatabase first = PostgresDatabase.create();
    PostgresDatabase second = PostgresDatabase.create();
    try {
      assertThat(first.name()).isNotEqualTo(second.name());
      try (Connection connection = first.connect();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE only_in_first (id int)");
      }
      try (Connection connection = second.connect();
          ResultSet tables =
              connection.getMetaData().getTables(null, "public", "only_in_first", null)) {
        assertThat(tables.next()).isFalse();
      }
    } finally {
      first.drop();
      second.drop();
    }
  }

  @Test
  void serverThatDoesNotAnswerFailsWithWhatToStart() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    System.setProperty("pokeobs.pg.port", Integer.toString(closedPort));
    try {
      assertThatThrownBy(PostgresDatabase::create)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("127.0.0.1:" + closedPort)
          .hasMessageContaining("deploy/local/postgres ensure");
    } finally {
      System.clearProperty("pokeobs.pg.port");
    }
  }

  private static boolean exists(PostgresDatabase database) throws SQLException {
    String maintenance = database.jdbcUrl().replace("/" + database.name(), "/postgres");
    try (Connection connection =
            DriverManager.getConnection(maintenance, database.username(), database.password());
        PreparedStatement query =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      query.setString(1, database.name());
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }
}
