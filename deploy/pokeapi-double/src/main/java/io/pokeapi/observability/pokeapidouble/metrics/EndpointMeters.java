package io.pokeapi.observability.pokeapidouble.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pokeapi.observability.pokeapidouble.fault.FaultCounter;
import io.pokeapi.observability.pokeapidouble.fault.FaultKind;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counters of one endpoint label, resolved once and then reached by array index: a request
 * costs one array read and one counter increment, no map lookup and no allocation. Counters are
 * registered on first use, so the scrape only lists series that happened.
 */
public final class EndpointMeters implements FaultCounter {

  /** The status label of requests that got no HTTP answer (stall, reset). */
  public static final String NO_RESPONSE = "none";

  private static final int[] COMMON_STATUSES = {200, 304, 400, 404, 500, 503, 429, 403, 301, 204};

  private final String endpoint;
  private final MeterRegistry registry;
  private final Counter[] byStatus = new Counter[COMMON_STATUSES.length + 1];
  private final ConcurrentHashMap<Integer, Counter> otherStatuses = new ConcurrentHashMap<>();
  private final Counter[] byFault = new Counter[FaultKind.values().length];

  EndpointMeters(String endpoint, MeterRegistry registry) {
    this.endpoint = endpoint;
    this.registry = registry;
  }

  /** The endpoint label. */
  public String endpoint() {
    return endpoint;
  }

  /** Counts an answer with this status. */
  public void answered(int status) {
    int index = statusIndex(status);
    if (index < 0) {
      otherStatuses.computeIfAbsent(status, s -> requestCounter(Integer.toString(s))).increment();
      return;
    }
    Counter counter = byStatus[index];
    if (counter == null) {
      counter = requestCounter(Integer.toString(status));
      byStatus[index] = counter;
    }
    counter.increment();
  }

  /** Counts a request that got no HTTP answer. */
  public void unanswered() {
    int index = COMMON_STATUSES.length;
    Counter counter = byStatus[index];
    if (counter == null) {
      counter = requestCounter(NO_RESPONSE);
      byStatus[index] = counter;
    }
    counter.increment();
  }

  @Override
  public void injected(FaultKind kind) {
    Counter counter = byFault[kind.ordinal()];
    if (counter == null) {
      counter =
          Counter.builder(DoubleMetrics.FAULTS)
              .description("Faults the double injected, by endpoint and kind")
              .tag("endpoint", endpoint)
              .tag("fault", kind.label())
              .register(registry);
      byFault[kind.ordinal()] = counter;
    }
    counter.increment();
  }

  private Counter requestCounter(String status) {
    return Counter.builder(DoubleMetrics.REQUESTS)
        .description("Requests the double answered, by endpoint and status")
        .tag("endpoint", endpoint)
        .tag("status", status)
        .register(registry);
  }

  private static int statusIndex(int status) {
    for (int i = 0; i < COMMON_STATUSES.length; i++) {
      if (COMMON_STATUSES[i] == status) {
        return i;
      }
    }
    return -1;
  }
}
