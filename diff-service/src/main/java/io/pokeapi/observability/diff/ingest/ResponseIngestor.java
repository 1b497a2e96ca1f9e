package io.pokeapi.observability.diff.ingest;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.diff.drift.RecordedSchemaChange;
import io.pokeapi.observability.diff.drift.SchemaCache;
import io.pokeapi.observability.diff.ingest.IngestReport.RecordedDataChange;
import io.pokeapi.observability.diff.messaging.OutboxRelay;
import io.pokeapi.observability.diff.metrics.DiffMetrics;
import io.pokeapi.observability.diff.storage.LatencySampleRepository;
import io.pokeapi.observability.diff.storage.LatencySampleRepository.UrlAnswer;
import io.pokeapi.observability.diff.storage.ResourceKeyRepository;
import io.pokeapi.observability.diff.storage.SnapshotRepository;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Turns a batch of captured responses into history and verdicts: looks up which bodies are stored
 * already (by SHA-256, without parsing them), parses and checks only the new ones, writes
 * everything in one transaction, and only then counts, logs and relays the drift events. The caller
 * acknowledges the Kafka records once the returned {@link Uni} completes, so offsets are committed
 * only after the database committed.
 */
@ApplicationScoped
public class ResponseIngestor {

  private static final Logger LOG = Logger.getLogger(ResponseIngestor.class);

  private final Pool pool;
  private final SnapshotRepository snapshots;
  private final ResourceKeyRepository resourceKeys;
  private final LatencySampleRepository samples;
  private final SchemaCache schemas;
  private final BatchPreparer preparer;
  private final BatchWriter writer;
  private final DiffMetrics metrics;
  private final OutboxRelay relay;

  public ResponseIngestor(
      Pool pool,
      SnapshotRepository snapshots,
      ResourceKeyRepository resourceKeys,
      LatencySampleRepository samples,
      SchemaCache schemas,
      BatchPreparer preparer,
      BatchWriter writer,
      DiffMetrics metrics,
      OutboxRelay relay) {
    this.pool = pool;
    this.snapshots = snapshots;
    this.resourceKeys = resourceKeys;
    this.samples = samples;
    this.schemas = schemas;
    this.preparer = preparer;
    this.writer = writer;
    this.metrics = metrics;
    this.relay = relay;
  }

  /**
   * Ingests a batch. {@code null} entries (records that could not be decoded) are skipped.
   *
   * @return what the batch did, once its transaction committed
   */
  public Uni<IngestReport> ingest(List<ApiResponseCaptured> events) {
    Instant now = Instant.now();
    List<Capture> captures = new ArrayList<>(events.size());
    for (ApiResponseCaptured event : events) {
      if (event != null) {
        captures.add(Capture.of(event, now));
      }
    }
    if (captures.isEmpty()) {
      return Uni.createFrom().item(IngestReport.EMPTY);
    }
    captures.sort(Comparator.comparing(Capture::capturedAt));
    List<Capture> documents = captures.stream().filter(Capture::hasDocument).toList();
    List<Capture> notModified = captures.stream().filter(Capture::isNotModified).toList();
    Set<String> scopes = new LinkedHashSet<>();
    documents.forEach(c -> scopes.add(c.schemaScope()));
    return snapshots
        .findByContent(
            pool,
            documents.stream().map(Capture::endpoint).toList(),
            documents.stream().map(Capture::sha256).toList())
        .chain(
            known ->
                resourceKeys
                    .currentContent(
                        pool,
                        notModified.stream().map(Capture::endpoint).toList(),
                        notModified.stream().map(Capture::resourceKey).toList())
                    .chain(
                        current ->
                            samples
                                .lastAnswers(
                                    pool,
                                    notModified.stream().map(Capture::endpoint).toList(),
                                    notModified.stream().map(Capture::sampleUrl).toList(),
                                    notModified.stream().map(Capture::capturedAt).toList())
                                .chain(
                                    answers ->
                                        schemas
                                            .current(pool, scopes)
                                            .emitOn(Infrastructure.getDefaultWorkerPool())
                                            .map(
                                                schemaByScope ->
                                                    preparer.prepare(
                                                        captures,
                                                        known,
                                                        current,
                                                        byCapture(notModified, answers),
                                                        schemaByScope)))))
        .chain(batch -> pool.withTransaction(connection -> writer.write(connection, batch)))
        .invoke(this::afterCommit);
  }

  private static Map<Capture, UrlAnswer> byCapture(
      List<Capture> notModified, Map<Integer, UrlAnswer> answers) {
    Map<Capture, UrlAnswer> byCapture = new IdentityHashMap<>();
    answers.forEach((i, answer) -> byCapture.put(notModified.get(i), answer));
    return byCapture;
  }

  private void afterCommit(IngestReport report) {
    metrics.capturesIngested(report.captures());
    metrics.snapshots(report.stored(), report.deduplicated());
    for (RecordedSchemaChange change : report.schemaChanges()) {
      metrics.schemaChange(change.scope(), change.change().type().name());
      LOG.warnf(
          "Schema drift at %s: %s (first seen in the answer for %s/%s, release %s, schema version"
              + " %d)",
          change.scope(),
          change.change().describe(),
          Capture.endpointOfScope(change.scope()),
          change.resourceKey(),
          Objects.requireNonNullElse(change.releaseHash(), "unknown"),
          change.schemaVersion());
    }
    long inconsistencies = 0;
    for (RecordedDataChange change : report.dataChanges()) {
      metrics.dataChange(change.endpoint());
      if (change.inconsistency() != null) {
        inconsistencies++;
      }
      LOG.debugf(
          "Data drift at %s/%s: %d operation(s), %s",
          change.endpoint(),
          change.resourceId(),
          change.operations(),
          change.inconsistency() == null
              ? "release " + Objects.requireNonNullElse(change.releaseHash(), "unknown")
              : "edge inconsistency (" + change.inconsistency().code() + ")");
    }
    if (!report.dataChanges().isEmpty()) {
      LOG.infof(
          "Recorded %d data change(s), %d of them edge inconsistencies",
          report.dataChanges().size(), inconsistencies);
    }
    if (report.invalidDocuments() > 0) {
      LOG.warnf(
          "%d captured 2xx bodies were not JSON; kept their latency only",
          report.invalidDocuments());
    }
    if (!report.schemaChanges().isEmpty() || !report.dataChanges().isEmpty()) {
      relay.relaySoon();
    }
  }
}
