package io.pokeapi.observability.diff.messaging;

import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure of the database as a whole (it does not answer, or turns everyone away) from a
 * failure of one write. The first is waited out however long it lasts; only the second may make a
 * record a dead letter.
 */
final class StoreOutage {

  private StoreOutage() {}

  /** Whether {@code failure} says the database is unavailable rather than refusing this write. */
  static boolean is(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PgException pg) {
        String state = pg.getSqlState();
        return state != null
            && (state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources (too many connections, disk)
                || state.startsWith("57P") // admin shutdown, crash shutdown, cannot connect now
                || state.startsWith("40") // serialization failure, deadlock: try again
                || state.equals("25006") // read-only transaction (a standby during fail-over)
                || state.equals("55P03")); // lock not available
      }
      if (t instanceof IOException || t instanceof TimeoutException) {
        return true;
      }
      String type = t.getClass().getName();
      if (type.endsWith("ClosedConnectionException")
          || type.startsWith("io.netty.channel")
          || type.equals("io.vertx.core.impl.NoStackTraceThrowable")
          || type.equals("io.vertx.core.VertxException")
              && String.valueOf(t.getMessage()).toLowerCase().contains("connection")) {
        return true;
      }
    }
    return false;
  }
}
