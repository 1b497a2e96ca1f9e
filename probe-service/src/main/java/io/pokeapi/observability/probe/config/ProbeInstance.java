package io.pokeapi.observability.probe.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * Who this probe is among its replicas: {@code probe.instance-id}, else the host name ({@code
 * HOSTNAME}, the pod name in Kubernetes), else a random id (then a restart cannot recognise its own
 * runs and leaves them to {@code probe.recovery.orphan-after}).
 */
@ApplicationScoped
public class ProbeInstance {

  private final String id;

  public ProbeInstance(ProbeConfig config) {
    this.id = config.instanceId().filter(s -> !s.isBlank()).orElseGet(ProbeInstance::hostName);
  }

  /** This instance's id. */
  public String id() {
    return id;
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.trim();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "probe-" + UUID.randomUUID();
    }
  }
}
