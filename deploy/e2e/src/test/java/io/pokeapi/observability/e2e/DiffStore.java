package io.pokeapi.observability.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Read-only queries on the diff service's database, for what the REST API does not show. */
final class DiffStore {

  /** Rows and distinct resources of one schema scope in {@code snapshots}. */
  record ScopeCount(long rows, long resources) {}

  /** The tables whose row counts tell whether a sweep wrote anything. */
  static final List<String> STORE_TABLES =
      List.of(
          "snapshots",
          "resource_heads",
          "resource_keys",
          "schema_shapes",
          "schema_versions",
          "schema_changes",
          "data_changes");

  private final String url;
  private final String user;
  private final String password;

  DiffStore(String host, String port, String database, String user, String password) {
    this.url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
    this.user = user;
    this.password = password;
  }

  /** Whether the diff service has evaluated the finished run (all its captures are in). */
  boolean finalized(UUID run) {
    return count(
            "SELECT count(*) FROM probe_runs WHERE run_id = ? AND finalized_at IS NOT NULL", run)
        == 1;
  }

  /**
   * How the diff service evaluated a run ({@code probe_runs.evaluation}: complete, incomplete,
   * aborted...), or null before it did.
   */
  String evaluation(UUID run) {
    String[] value = {null};
    query(
        "SELECT evaluation FROM probe_runs WHERE run_id = ?",
        rs -> value[0] = rs.getString(1),
        run);
    return value[0];
  }

  /** Records the diff service kept as dead letters. */
  long deadLetters() {
    return count("SELECT count(*) FROM dead_letters");
  }

  /** Snapshot rows and distinct resources per schema scope. */
  Map<String, ScopeCount> snapshotsByScope() {
    Map<String, ScopeCount> counts = new TreeMap<>();
    query(
        "SELECT schema_scope, count(*), count(DISTINCT resource_id) FROM snapshots GROUP BY 1",
        rs -> counts.put(rs.getString(1), new ScopeCount(rs.getLong(2), rs.getLong(3))));
    return counts;
  }

  /** The SHA-256 of the current body of each resource of {@code endpoint}, by resource id. */
  Map<String, String> headSha256(String endpoint) {
    Map<String, String> heads = new HashMap<>();
    query(
        "SELECT h.resource_id, h.sha256 FROM resource_heads h JOIN snapshots s ON s.id = h.snapshot_id"
            + " WHERE h.endpoint = ? AND s.schema_scope = ?",
        rs -> heads.put(rs.getString(1), rs.getString(2)),
        endpoint,
        endpoint);
    return heads;
  }

  /** Row counts of {@link #STORE_TABLES}. */
  Map<String, Long> tableCounts() {
    Map<String, Long> counts = new TreeMap<>();
    for (String table : STORE_TABLES) {
      counts.put(table, count("SELECT count(*) FROM " + table));
    }
    return counts;
  }

  /** The captures of a run the service stored (one latency sample per captured response). */
  long capturesOf(UUID run) {
    return count("SELECT count(*) FROM latency_samples WHERE run_id = ?", run);
  }

  /** The distinct URLs among a run's captures. */
  long distinctUrlsOf(UUID run) {
    return count("SELECT count(DISTINCT url) FROM latency_samples WHERE run_id = ?", run);
  }

  /** Resources (not list pages) whose current body was last seen by another run than this one. */
  long resourcesNotSeenBy(UUID run) {
    return count(
        "SELECT count(*) FROM snapshots s JOIN resource_heads h ON h.snapshot_id = s.id"
            + " WHERE s.schema_scope = s.endpoint AND s.last_run_id <> ?",
        run);
  }

  /** The relay's backlog: drift events written but not yet published. */
  long outboxBacklog() {
    return count("SELECT count(*) FROM outbox_events");
  }

  /** A single number. */
  long count(String sql, Object... params) {
    long[] value = {-1};
    query(sql, rs -> value[0] = rs.getLong(1), params);
    return value[0];
  }

  /**
   * The number of resource snapshots (not list pages) stored so far; 0 before the schema exists.
   */
  long resourceSnapshots() {
    try {
      return count("SELECT count(*) FROM snapshots WHERE schema_scope = endpoint");
    } catch (IllegalStateException e) {
      return 0;
    }
  }

  @FunctionalInterface
  private interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  private void query(String sql, RowHandler handler, Object... params) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          handler.row(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
