package io.pokeapi.observability.load.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's Prometheus meters. Per-request meters are looked up once per endpoint and status
 * and cached by the engine, so that counting a request is an increment, never a lookup.
 */
public final class LoadMeters {

  /** Bucket bounds of {@code pokeapi_load_request_duration_seconds}. */
  static final Duration[] BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30)
  };

  private final MeterRegistry registry;
  private final AtomicInteger users = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger saturated = new AtomicInteger();
  private final AtomicLong loopDelayNanos = new AtomicLong();
  private final Counter dropped;
  private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> requests = new ConcurrentHashMap<>();

  /** Gauges hold their value suppliers strongly (a weakly held object can vanish from scrapes). */
  public LoadMeters(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("pokeapi_load_users", users::get)
        .description("Active virtual users (closed model and fixed connections)")
        .register(registry);
    Gauge.builder("pokeapi_load_running", running::get)
        .description("1 while a load run is active on this replica")
        .register(registry);
    Gauge.builder("pokeapi_load_saturated", saturated::get)
        .description("1 while the last second of the run saw the generator saturated")
        .register(registry);
    Gauge.builder("pokeapi_load_event_loop_delay_seconds", () -> loopDelayNanos.get() / 1e9)
        .description("Worst event-loop delay of the generator in the last second")
        .register(registry);
    dropped =
        Counter.builder("pokeapi_load_dropped")
            .description("Open-model arrivals not sent because too many requests were in flight")
            .register(registry);
  }

  /** {@code pokeapi_load_request_duration_seconds{endpoint}}. */
  public Timer duration(String endpoint) {
    return timers.computeIfAbsent(
        endpoint,
        e ->
            Timer.builder("pokeapi_load_request_duration_seconds")
                .description("Request latency from the intended send time to the last byte")
                .tag("endpoint", e)
                .serviceLevelObjectives(BUCKETS)
                .register(registry));
  }

  /** {@code pokeapi_load_requests_total{endpoint,status}}. */
  public Counter requests(String endpoint, String status) {
    return requests.computeIfAbsent(
        endpoint + '\n' + status,
        k ->
            Counter.builder("pokeapi_load_requests")
                .description("Requests completed, by endpoint and status (or timeout, connection)")
                .tag("endpoint", endpoint)
                .tag("status", status)
                .register(registry));
  }

  public void users(int value) {
    users.set(value);
  }

  public void running(boolean value) {
    running.set(value ? 1 : 0);
  }

  public void saturated(boolean value) {
    saturated.set(value ? 1 : 0);
  }

  public void loopDelay(long nanos) {
    loopDelayNanos.set(nanos);
  }

  /** {@code pokeapi_load_runs_total{status}}: a run ended (completed, stopped, failed). */
  public void runEnded(String status) {
    Counter.builder("pokeapi_load_runs")
        .description("Load runs ended on this replica, by status")
        .tag("status", status)
        .register(registry)
        .increment();
  }

  public void dropped(long count) {
    if (count > 0) {
      dropped.increment(count);
    }
  }
}
