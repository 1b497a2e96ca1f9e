package io.pokeapi.observability.diff.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.common.contract.Change;
import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.datadiff.DataDiff;
import io.pokeapi.observability.common.datadiff.DataPatch;
import io.pokeapi.observability.diff.drift.Changes;
import io.pokeapi.observability.diff.drift.DocumentDriftRecorder;
import io.pokeapi.observability.diff.drift.DriftEventFactory;
import io.pokeapi.observability.diff.drift.RecordedSchemaChange;
import io.pokeapi.observability.diff.ingest.IngestReport.RecordedDataChange;
import io.pokeapi.observability.diff.ingest.ObservationPlan.Transition;
import io.pokeapi.observability.diff.storage.DataChangeRepository;
import io.pokeapi.observability.diff.storage.LatencySampleRepository;
import io.pokeapi.observability.diff.storage.NewDataChange;
import io.pokeapi.observability.diff.storage.NewSnapshot;
import io.pokeapi.observability.diff.storage.OutboxMessage;
import io.pokeapi.observability.diff.storage.OutboxRepository;
import io.pokeapi.observability.diff.storage.ResourceHead;
import io.pokeapi.observability.diff.storage.ResourceHeadRepository;
import io.pokeapi.observability.diff.storage.ResourceKeyRepository;
import io.pokeapi.observability.diff.storage.RunRepository;
import io.pokeapi.observability.diff.storage.SchemaRepository;
import io.pokeapi.observability.diff.storage.SnapshotRepository;
import io.pokeapi.observability.diff.storage.StoredSnapshot;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a prepared batch in one transaction: runs, latency samples, shapes, snapshots, data
 * changes, current bodies, schema drift and the outbox of drift events. Every statement is
 * idempotent, so writing the same batch twice (a replay) stores nothing new.
 */
@ApplicationScoped
public class BatchWriter {

  private final RunRepository runs;
  private final LatencySampleRepository samples;
  private final SchemaRepository schemas;
  private final ResourceHeadRepository heads;
  private final SnapshotRepository snapshots;
  private final DataChangeRepository dataChanges;
  private final OutboxRepository outbox;
  private final ResourceKeyRepository resourceKeys;
  private final DocumentDriftRecorder documentDrift;
  private final DocumentParser parser;

  public BatchWriter(
      RunRepository runs,
      LatencySampleRepository samples,
      SchemaRepository schemas,
      ResourceHeadRepository heads,
      SnapshotRepository snapshots,
      DataChangeRepository dataChanges,
      OutboxRepository outbox,
      ResourceKeyRepository resourceKeys,
      DocumentDriftRecorder documentDrift,
      DocumentParser parser) {
    this.runs = runs;
    this.samples = samples;
    this.schemas = schemas;
    this.heads = heads;
    this.snapshots = snapshots;
    this.dataChanges = dataChanges;
    this.outbox = outbox;
    this.resourceKeys = resourceKeys;
    this.documentDrift = documentDrift;
    this.parser = parser;
  }

  /** Writes {@code batch} on {@code connection}, which must be in a transaction. */
  public Uni<IngestReport> write(SqlClient connection, PreparedBatch batch) {
    Write write = new Write(connection, batch);
    return runs.recordCaptures(connection, batch.runCaptures())
        .chain(() -> samples.insert(connection, batch.latencySamples()))
        .chain(() -> schemas.insertShapes(connection, batch.newShapes()))
        .chain(() -> heads.lock(connection, batch.resources()))
        .chain(() -> heads.find(connection, batch.resources()))
        .map(found -> ObservationPlan.of(batch.documents(), found))
        .chain(write::storeSnapshots)
        .chain(write::recordDataChanges)
        .chain(write::moveHeads)
        .chain(() -> schemas.insertRunShapes(connection, batch.runShapes()))
        .chain(() -> resourceKeys.upsert(connection, batch.resourceKeys()))
        .chain(
            () ->
                documentDrift.record(
                    connection, batch.documents(), batch.schemas(), write.outboxMessages))
        .chain(write::finish);
  }

  /** A data change to store, with its changes in the contract's form for the drift event. */
  private record PendingDataChange(NewDataChange row, List<Change> changes) {}

  /** The state of one batch's transaction. */
  private final class Write {
    private final SqlClient connection;
    private final PreparedBatch batch;
    private final Map<ContentKey, Long> storedIds = new HashMap<>();
    private final List<OutboxMessage> outboxMessages = new ArrayList<>();
    private final List<RecordedDataChange> recordedData = new ArrayList<>();
    private ObservationPlan plan;
    private int inserted;
    private long insertedBytes;

    Write(SqlClient connection, PreparedBatch batch) {
      this.connection = connection;
      this.batch = batch;
    }

    Uni<Void> storeSnapshots(ObservationPlan plan) {
      this.plan = plan;
      List<NewSnapshot> rows = plan.newSnapshots();
      List<ContentKey> keys = plan.newContents();
      return snapshots
          .insert(connection, rows)
          .chain(
              stored -> {
                for (int i = 0; i < stored.size(); i++) {
                  StoredSnapshot s = stored.get(i);
                  storedIds.put(keys.get(i), s.id());
                  if (s.inserted()) {
                    inserted++;
                    insertedBytes += rows.get(i).bodyBytes();
                  }
                }
                return snapshots.touch(connection, plan.sightings());
              })
          .replaceWithVoid();
    }

    Uni<Void> recordDataChanges() {
      List<Transition> transitions = plan.transitions();
      if (transitions.isEmpty()) {
        return Uni.createFrom().voidItem();
      }
      // Each side of a change is read from the batch when a capture carried its body, else from
      // the store: a 304 Not Modified carries none, so the body it confirmed is always fetched.
      Map<ContentKey, ParsedDocument> parsedInBatch = new HashMap<>();
      Map<ContentKey, String> textInBatch = new HashMap<>();
      for (DocumentCapture d : batch.documents()) {
        if (d.parsed() != null) {
          parsedInBatch.putIfAbsent(d.content(), d.parsed());
        } else if (d.capture().event().body() != null) {
          textInBatch.putIfAbsent(d.content(), d.capture().event().body());
        }
      }
      Set<Long> toFetch = new LinkedHashSet<>();
      for (Transition t : transitions) {
        for (ContentKey side : List.of(t.from(), t.to())) {
          if (!parsedInBatch.containsKey(side) && !textInBatch.containsKey(side)) {
            toFetch.add(idOf(side));
          }
        }
      }
      return snapshots
          .bodies(connection, toFetch)
          .emitOn(Infrastructure.getDefaultWorkerPool())
          .map(
              bodies -> {
                Map<ContentKey, JsonNode> treesRead = new HashMap<>();
                return diff(
                    transitions, side -> json(side, parsedInBatch, textInBatch, bodies, treesRead));
              })
          .chain(
              changes ->
                  dataChanges
                      .insert(connection, changes.stream().map(PendingDataChange::row).toList())
                      .invoke(ids -> collect(changes, ids)))
          .replaceWithVoid();
    }

    private JsonNode json(
        ContentKey side,
        Map<ContentKey, ParsedDocument> parsedInBatch,
        Map<ContentKey, String> textInBatch,
        Map<Long, String> stored,
        Map<ContentKey, JsonNode> treesRead) {
      ParsedDocument parsed = parsedInBatch.get(side);
      if (parsed != null) {
        return parsed.json();
      }
      String text = textInBatch.get(side);
      if (text == null) {
        text = stored.get(idOf(side));
      }
      if (text == null) {
        throw new IllegalStateException("no body stored for " + side);
      }
      String body = text;
      return treesRead.computeIfAbsent(side, k -> parser.read(body));
    }

    private List<PendingDataChange> diff(
        List<Transition> transitions, Function<ContentKey, JsonNode> bodyOf) {
      Instant now = Instant.now();
      List<PendingDataChange> changes = new ArrayList<>(transitions.size());
      for (Transition t : transitions) {
        JsonNode before = bodyOf.apply(t.from());
        JsonNode after = bodyOf.apply(t.to());
        DocumentCapture d = t.capture();
        DataPatch patch = DataDiff.diff(before, after);
        if (patch.isEmpty()) {
          continue;
        }
        Capture c = d.capture();
        List<Change> contractChanges = Changes.of(patch);
        NewDataChange row =
            new NewDataChange(
                c.endpoint(),
                d.resource().resourceId(),
                c.resourceKey(),
                t.from().sha256(),
                t.to().sha256(),
                idOf(t.from()),
                idOf(t.to()),
                EventJson.toJson(contractChanges),
                patch.toJsonPatch().toString(),
                patch.operations().size(),
                c.runId(),
                c.releaseHash(),
                c.deployDate(),
                t.previousReleaseHash(),
                t.inconsistency(),
                now);
        changes.add(new PendingDataChange(row, contractChanges));
      }
      return changes;
    }

    private void collect(List<PendingDataChange> changes, List<Long> ids) {
      for (int i = 0; i < changes.size(); i++) {
        if (ids.get(i) == null) {
          continue;
        }
        NewDataChange c = changes.get(i).row();
        recordedData.add(
            new RecordedDataChange(
                c.endpoint(),
                c.resourceId(),
                c.resourceKey(),
                c.fromSha256(),
                c.toSha256(),
                c.operationCount(),
                c.inconsistency(),
                c.releaseHash()));
        outboxMessages.add(
            DriftEventFactory.dataDrift(
                c.endpoint(),
                c.resourceKey(),
                c.runId(),
                changes.get(i).changes(),
                c.releaseHash(),
                c.deployDate(),
                c.detectedAt(),
                c.inconsistency() != null));
      }
    }

    Uni<Void> moveHeads() {
      List<ResourceHead> moved = new ArrayList<>();
      plan.headMoves()
          .forEach(
              (ref, d) ->
                  moved.add(
                      new ResourceHead(
                          ref.endpoint(),
                          ref.resourceId(),
                          idOf(d.content()),
                          d.capture().sha256(),
                          d.capture().capturedAt(),
                          d.capture().runId(),
                          d.capture().releaseHash())));
      return heads.upsert(connection, moved).replaceWithVoid();
    }

    Uni<IngestReport> finish(List<RecordedSchemaChange> schemaChanges) {
      return outbox
          .insert(connection, outboxMessages)
          .map(
              ignored ->
                  new IngestReport(
                      batch.captures().size(),
                      batch.documents().size(),
                      inserted,
                      batch.documents().size() - inserted,
                      batch.invalidDocuments().size(),
                      insertedBytes,
                      schemaChanges,
                      List.copyOf(recordedData)));
    }

    private long idOf(ContentKey content) {
      Long id = storedIds.get(content);
      if (id == null) {
        id = plan.knownSnapshotId(content);
      }
      if (id == null) {
        throw new IllegalStateException("no snapshot for " + content);
      }
      return id;
    }
  }
}
