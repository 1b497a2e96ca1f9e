package io.pokeapi.observability.pokeapidouble.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pokeapi.observability.pokeapidouble.fault.FaultKind;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The double's metrics, in a Prometheus registry: {@code pokeapi_double_requests_total{endpoint,
 * status}} and {@code pokeapi_double_faults_injected_total{endpoint,fault}}, plus gauges the
 * runtime registers. Tests read counts directly with {@link #requests} and {@link #faultsInjected}.
 */
public final class DoubleMetrics {

  /** Requests answered (or not), by endpoint label and status. */
  public static final String REQUESTS = "pokeapi.double.requests";

  /** Faults injected, by endpoint label and fault kind. */
  public static final String FAULTS = "pokeapi.double.faults.injected";

  /** The endpoint label of {@code /api/v2/}. */
  public static final String ROOT = "root";

  /** The endpoint label of requests that match no endpoint. */
  public static final String UNKNOWN = "unknown";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ConcurrentHashMap<String, EndpointMeters> endpoints = new ConcurrentHashMap<>();

  /** The meters of an endpoint label; call once per endpoint and keep the result. */
  public EndpointMeters endpoint(String label) {
    return endpoints.computeIfAbsent(label, l -> new EndpointMeters(l, registry));
  }

  /** The registry, to add gauges or read meters. */
  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  /** Requests to an endpoint label answered with a status ({@code "200"}, {@code "none"}...). */
  public long requests(String endpoint, String status) {
    return count(registry.find(REQUESTS).tag("endpoint", endpoint).tag("status", status));
  }

  /** Requests to an endpoint label answered with a status. */
  public long requests(String endpoint, int status) {
    return requests(endpoint, Integer.toString(status));
  }

  /** Requests to an endpoint label, whatever the answer. */
  public long requests(String endpoint) {
    return count(registry.find(REQUESTS).tag("endpoint", endpoint));
  }

  /** Faults of a kind injected into requests to an endpoint label. */
  public long faultsInjected(String endpoint, FaultKind kind) {
    return count(registry.find(FAULTS).tag("endpoint", endpoint).tag("fault", kind.label()));
  }

  /** Faults of a kind injected, over every endpoint. */
  public long faultsInjected(FaultKind kind) {
    return count(registry.find(FAULTS).tag("fault", kind.label()));
  }

  private static long count(Search search) {
    return (long) search.counters().stream().mapToDouble(Counter::count).sum();
  }
}
