package io.pokeapi.observability.reporter.flaky;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pokeapi.observability.reporter.storage.FlakyCheck;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code pokeapi_test_flakiness_total{test_name}} (flaky runs seen by this process) and {@code
 * pokeapi_test_flakiness_rate{test_name}} (flaky runs / total runs, from the stored counts).
 * Labelled by check name, never by resource, so the series stay few.
 */
@ApplicationScoped
public class FlakinessMetrics {

  private final MeterRegistry registry;
  private final Map<String, double[]> rates = new ConcurrentHashMap<>();
  private final Map<String, Counter> totals = new ConcurrentHashMap<>();
  private final List<Meter> gauges = new CopyOnWriteArrayList<>();

  public FlakinessMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The gauges read this bean's holders: they go with it (see ReporterMetrics#removeGauges). */
  @PreDestroy
  void removeGauges() {
    gauges.forEach(registry::remove);
  }

  /** Shows a check's stored counts; {@code newFlakyRun}: one more flaky run just happened. */
  public void update(FlakyCheck check, boolean newFlakyRun) {
    rates
            .computeIfAbsent(
                check.testName(),
                name -> {
                  double[] holder = new double[1];
                  gauges.add(
                      Gauge.builder("pokeapi_test_flakiness_rate", holder, h -> h[0])
                          .description("Flaky runs / total runs of a check")
                          .tag("test_name", name)
                          .register(registry));
                  return holder;
                })[0] =
        check.rate();
    Counter counter =
        totals.computeIfAbsent(
            check.testName(),
            name ->
                Counter.builder("pokeapi_test_flakiness_total")
                    .description("Runs in which a check failed and then passed on a rerun")
                    .tag("test_name", name)
                    .register(registry));
    if (newFlakyRun) {
      counter.increment();
    }
  }
}
