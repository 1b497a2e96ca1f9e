package io.pokeapi.observability.reporter.messaging;

import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.DriftDetected;
import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.LatencyRegressionDetected;
import io.pokeapi.observability.common.contract.LoadRunSummary;
import io.pokeapi.observability.common.contract.RunEvent;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStarted;
import io.pokeapi.observability.reporter.metrics.ReporterMetrics;
import io.pokeapi.observability.reporter.storage.EventKind;
import io.pokeapi.observability.reporter.storage.InboxRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes the six event kinds the reporter reports and stores each record in the inbox table; the
 * record is acknowledged (and its offset committed) only once it is stored, so a crash loses
 * nothing, and a replayed record is stored once. ReportPortal is never called here: the {@code
 * DeliveryWorker} sends the inbox on a thread of its own.
 */
@ApplicationScoped
public class EventConsumers {

  private static final Logger LOG = Logger.getLogger(EventConsumers.class);

  private final InboxRepository inbox;
  private final ReporterMetrics metrics;
  private volatile boolean stopping;

  public EventConsumers(InboxRepository inbox, ReporterMetrics metrics) {
    this.inbox = inbox;
    this.metrics = metrics;
  }

  void onStop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  @Incoming("check-results")
  public Uni<Void> checkResult(ConsumerRecord<String, CheckResult> record) {
    CheckResult r = record.value();
    return store(record, EventKind.CHECK_RESULT, r == null ? null : r.runId(), r);
  }

  @Incoming("run-events")
  public Uni<Void> runEvent(ConsumerRecord<String, RunEvent> record) {
    return switch (record.value()) {
      case null -> store(record, null, null, null);
      case RunStarted s -> store(record, EventKind.RUN_STARTED, s.runId(), s);
      case RunFinished f -> store(record, EventKind.RUN_FINISHED, f.runId(), f);
    };
  }

  @Incoming("drift-events")
  public Uni<Void> drift(ConsumerRecord<String, DriftDetected> record) {
    DriftDetected d = record.value();
    return store(record, EventKind.DRIFT, d == null ? null : d.runId(), d);
  }

  @Incoming("latency-regressions")
  public Uni<Void> latency(ConsumerRecord<String, LatencyRegressionDetected> record) {
    LatencyRegressionDetected l = record.value();
    return store(record, EventKind.LATENCY_REGRESSION, l == null ? null : l.runId(), l);
  }

  @Incoming("load-summaries")
  public Uni<Void> load(ConsumerRecord<String, LoadRunSummary> record) {
    LoadRunSummary s = record.value();
    return store(record, EventKind.LOAD_SUMMARY, s == null ? null : s.runId(), s);
  }

  private Uni<Void> store(
      ConsumerRecord<String, ?> record, EventKind kind, UUID key, Object event) {
    if (event == null || kind == null) {
      LOG.warnf(
          "Skipped an undecodable record of %s (partition %d, offset %d)",
          record.topic(), record.partition(), record.offset());
      return Uni.createFrom().voidItem();
    }
    return inbox
        .add(
            record.topic(), record.partition(), record.offset(), kind, key, EventJson.toJson(event))
        .onFailure(failure -> !stopping)
        .retry()
        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
        .indefinitely()
        // the backlog grows as events arrive, also while the delivery worker waits out an outage
        .invoke(
            inserted -> {
              if (inserted) metrics.backlogAdded();
            })
        .replaceWithVoid();
  }
}
