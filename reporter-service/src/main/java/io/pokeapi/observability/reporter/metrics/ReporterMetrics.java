package io.pokeapi.observability.reporter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reporter's own meters: {@code reporter_backlog} (events consumed and not yet accepted by
 * ReportPortal), {@code reporter_published_total{kind}} (events ReportPortal accepted, by event
 * kind), {@code reporter_errors_total{kind}} (failed attempts, by reason), {@code
 * reporter_unsent_total{kind}} (events that would have been sent had a ReportPortal been
 * configured) and {@code reporter_dead_letters} (events ReportPortal refused for good).
 */
@ApplicationScoped
public class ReporterMetrics {

  private final MeterRegistry registry;
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong deadLetters = new AtomicLong();
  private final Map<String, Counter> published = new ConcurrentHashMap<>();
  private final Map<String, Counter> unsent = new ConcurrentHashMap<>();
  private final Map<String, Counter> errors = new ConcurrentHashMap<>();

  private final List<Meter> gauges;

  public ReporterMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.gauges =
        List.of(
            Gauge.builder("reporter_backlog", backlog, AtomicLong::doubleValue)
                .description("Consumed events not yet accepted by ReportPortal")
                .strongReference(true)
                .register(registry),
            Gauge.builder("reporter_dead_letters", deadLetters, AtomicLong::doubleValue)
                .description("Events ReportPortal refused for good (kept in reporter_dead_letters)")
                .strongReference(true)
                .register(registry));
  }

  /**
   * The gauges read this bean's state: they go with it, so that an application started again in the
   * same JVM (as the tests do; Quarkus keeps the global registry's meters outside dev mode)
   * registers gauges of its own instead of getting the stale ones back.
   */
  @PreDestroy
  void removeGauges() {
    gauges.forEach(registry::remove);
  }

  /** The exact backlog, counted in the inbox. */
  public void backlog(long value) {
    backlog.set(value);
  }

  /** One more event stored in the inbox (the next count corrects any drift). */
  public void backlogAdded() {
    backlog.incrementAndGet();
  }

  public void deadLetters(long value) {
    deadLetters.set(value);
  }

  public void published(String kind) {
    published
        .computeIfAbsent(
            kind,
            k ->
                Counter.builder("reporter_published_total")
                    .description("Events ReportPortal accepted, by event kind")
                    .tag("kind", k)
                    .register(registry))
        .increment();
  }

  public void unsent(String kind) {
    unsent
        .computeIfAbsent(
            kind,
            k ->
                Counter.builder("reporter_unsent_total")
                    .description(
                        "Events that would have been sent to ReportPortal, had one been configured")
                    .tag("kind", k)
                    .register(registry))
        .increment();
  }

  public void error(String kind) {
    errors
        .computeIfAbsent(
            kind,
            k ->
                Counter.builder("reporter_errors_total")
                    .description("Failed attempts to report, by reason")
                    .tag("kind", k)
                    .register(registry))
        .increment();
  }
}
