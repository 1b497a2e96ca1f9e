package io.pokeapi.observability.pokeapidouble.server;

import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which connections reach the admin interface: those made to its address. With the default loopback
 * address, a request that arrives on any other interface (from another machine, or through a
 * container's published port) is answered like any unknown path, as if the admin interface were
 * off; the API on the same port is unaffected.
 */
public final class AdminReach {

  private enum Scope {
    LOOPBACK,
    ANY,
    ONE
  }

  private final Scope scope;
  private final InetAddress address;

  private AdminReach(Scope scope, InetAddress address) {
    this.scope = scope;
    this.address = address;
  }

  /**
   * The reach of an admin interface on {@code host}: {@code 127.0.0.1}, {@code localhost} or {@code
   * ::1} mean every loopback address; {@code 0.0.0.0} or {@code ::} every address; any other value
   * that one address.
   *
   * @throws IllegalArgumentException when {@code host} is not an address or a resolvable name
   */
  public static AdminReach of(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("0.0.0.0") || h.equals("::") || h.equals("*")) {
      return new AdminReach(Scope.ANY, null);
    }
    try {
      InetAddress resolved = InetAddress.getByName(h);
      if (resolved.isLoopbackAddress()) {
        return new AdminReach(Scope.LOOPBACK, null);
      }
      return new AdminReach(Scope.ONE, resolved);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("admin host '" + host + "' is not an address", e);
    }
  }

  /** Whether only loopback connections reach the admin interface. */
  public boolean loopbackOnly() {
    return scope == Scope.LOOPBACK;
  }

  /**
   * Whether a connection to {@code local} (the server's side of it) reaches the admin interface.
   */
  public boolean reaches(SocketAddress local) {
    if (scope == Scope.ANY) {
      return true;
    }
    if (local == null || local.hostAddress() == null) {
      return false;
    }
    try {
      InetAddress to = InetAddress.getByName(local.hostAddress());
      return scope == Scope.LOOPBACK ? to.isLoopbackAddress() : to.equals(address);
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
