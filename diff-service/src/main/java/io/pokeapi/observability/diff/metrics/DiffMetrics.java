package io.pokeapi.observability.diff.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.pokeapi.observability.common.contract.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The diff service's business metrics, as Prometheus names:
 *
 * <ul>
 *   <li>{@code pokeapi_schema_changes_total{endpoint,change_type}}
 *   <li>{@code pokeapi_data_changes_total{endpoint}}
 *   <li>{@code pokeapi_snapshots_stored_total}, {@code pokeapi_snapshots_deduplicated_total}
 *   <li>{@code pokeapi_captures_ingested_total}: captures taken in, whatever their outcome
 *   <li>{@code pokeapi_latency_regression{endpoint}}: 1 while the endpoint's last evaluated run was
 *       more than the threshold above its baseline, else 0
 *   <li>{@code pokeapi_latency_regressions_total{endpoint}}
 *   <li>{@code pokeapi_ingest_dead_letters_total{topic}}: records kept as dead letters (they could
 *       not be stored after bounded retries while the database answered)
 * </ul>
 *
 * Counters move only after the transaction that stored the counted rows committed, so a replay does
 * not count twice. Consumer lag comes from the Kafka client metrics that Quarkus binds to
 * Micrometer ({@code kafka_consumer_fetch_manager_records_lag}, {@code ..._records_lag_max}).
 */
@ApplicationScoped
public class DiffMetrics {

  private final MeterRegistry registry;
  private final Counter snapshotsStored;
  private final Counter snapshotsDeduplicated;
  private final Counter capturesIngested;
  private final Map<String, AtomicInteger> regressionState = new ConcurrentHashMap<>();

  public DiffMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.snapshotsStored =
        Counter.builder("pokeapi.snapshots.stored")
            .description("Bodies stored as new snapshots")
            .register(registry);
    this.snapshotsDeduplicated =
        Counter.builder("pokeapi.snapshots.deduplicated")
            .description(
                "Captured bodies already stored under their SHA-256 (only last-seen moved)")
            .register(registry);
    this.capturesIngested =
        Counter.builder("pokeapi.captures.ingested")
            .description("Captured responses taken in from Kafka")
            .register(registry);
    deadLetters(Topics.API_RESPONSES);
    deadLetters(Topics.RUN_EVENTS);
  }

  /** Counts one record kept as a dead letter. */
  public void deadLetter(String topic) {
    deadLetters(topic).increment();
  }

  private Counter deadLetters(String topic) {
    return Counter.builder("pokeapi.ingest.dead.letters")
        .description("Records that could not be stored after bounded retries, kept as dead letters")
        .tags(Tags.of("topic", topic))
        .register(registry);
  }

  /** Counts bodies stored and bodies found already stored. */
  public void snapshots(long stored, long deduplicated) {
    snapshotsStored.increment(stored);
    snapshotsDeduplicated.increment(deduplicated);
  }

  /** Counts captures taken in. */
  public void capturesIngested(long captures) {
    capturesIngested.increment(captures);
  }

  /** Counts one schema change. */
  public void schemaChange(String endpoint, String changeType) {
    Counter.builder("pokeapi.schema.changes")
        .description("Schema changes recorded, by endpoint (schema scope) and change type")
        .tags(Tags.of("endpoint", endpoint, "change_type", changeType))
        .register(registry)
        .increment();
  }

  /** Counts one data change. */
  public void dataChange(String endpoint) {
    Counter.builder("pokeapi.data.changes")
        .description("Data changes recorded (one per changed resource body), by endpoint")
        .tags(Tags.of("endpoint", endpoint))
        .register(registry)
        .increment();
  }

  /** Sets the latency-regression state of an endpoint; counts the regressions. */
  public void latencyRegression(String endpoint, boolean regressed, boolean newEvaluation) {
    regressionState
        .computeIfAbsent(
            endpoint,
            e -> {
              AtomicInteger state = new AtomicInteger();
              Gauge.builder("pokeapi.latency.regression", state, AtomicInteger::get)
                  .description(
                      "1 while the endpoint's last evaluated run was slower than its baseline by"
                          + " more than the threshold, else 0")
                  .tags(Tags.of("endpoint", e))
                  .register(registry);
              return state;
            })
        .set(regressed ? 1 : 0);
    if (regressed && newEvaluation) {
      Counter.builder("pokeapi.latency.regressions")
          .description("Runs slower than the endpoint's baseline by more than the threshold")
          .tags(Tags.of("endpoint", endpoint))
          .register(registry)
          .increment();
    }
  }
}
