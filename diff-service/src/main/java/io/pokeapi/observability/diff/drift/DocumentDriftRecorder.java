package io.pokeapi.observability.diff.drift;

import io.pokeapi.observability.common.schema.SchemaChange;
import io.pokeapi.observability.common.schema.SchemaNode;
import io.pokeapi.observability.diff.drift.SchemaCache.CurrentSchema;
import io.pokeapi.observability.diff.ingest.Capture;
import io.pokeapi.observability.diff.ingest.DocumentCapture;
import io.pokeapi.observability.diff.storage.NewSchemaChange;
import io.pokeapi.observability.diff.storage.NewSchemaVersion;
import io.pokeapi.observability.diff.storage.OutboxMessage;
import io.pokeapi.observability.diff.storage.SchemaOrigin;
import io.pokeapi.observability.diff.storage.SchemaRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records the schema drift that new documents proved: each distinct change (scope, type, path)
 * once, attributed to the first document that showed it, in a new schema version that admits the
 * documents, so the same change is never raised again (nor by a replay).
 */
@ApplicationScoped
public class DocumentDriftRecorder {

  private final SchemaRepository repository;
  private final SchemaCache cache;

  public DocumentDriftRecorder(SchemaRepository repository, SchemaCache cache) {
    this.repository = repository;
    this.cache = cache;
  }

  /**
   * Records the drift of a batch's new documents inside its transaction.
   *
   * @param documents the documents of the batch, in capture order
   * @param checkedAgainst the schemas the documents were checked against before the transaction
   * @param outbox receives the drift events to publish
   * @return the changes stored now
   */
  public Uni<List<RecordedSchemaChange>> record(
      SqlClient connection,
      List<DocumentCapture> documents,
      Map<String, CurrentSchema> checkedAgainst,
      List<OutboxMessage> outbox) {
    Map<String, List<DocumentCapture>> newDocuments = new TreeMap<>();
    for (DocumentCapture d : documents) {
      if (d.parsed() != null && checkedAgainst.containsKey(d.capture().schemaScope())) {
        newDocuments.computeIfAbsent(d.capture().schemaScope(), e -> new ArrayList<>()).add(d);
      }
    }
    List<String> drifting =
        newDocuments.entrySet().stream()
            .filter(e -> e.getValue().stream().anyMatch(d -> !d.schemaDrift().isEmpty()))
            .map(Map.Entry::getKey)
            .toList();
    if (drifting.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return repository
        .lockScopes(connection, drifting)
        .chain(() -> cache.current(connection, drifting))
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .map(current -> plan(drifting, newDocuments, checkedAgainst, current))
        .chain(
            plans ->
                Multi.createFrom()
                    .iterable(plans)
                    .onItem()
                    .transformToUniAndConcatenate(plan -> store(connection, plan, outbox))
                    .collect()
                    .asList())
        .map(lists -> lists.stream().flatMap(List::stream).toList());
  }

  private static List<EndpointDrift> plan(
      List<String> drifting,
      Map<String, List<DocumentCapture>> newDocuments,
      Map<String, CurrentSchema> checkedAgainst,
      Map<String, CurrentSchema> current) {
    List<EndpointDrift> plans = new ArrayList<>();
    for (String scope : drifting) {
      CurrentSchema schema = current.get(scope);
      if (schema == null) {
        continue;
      }
      boolean moved = schema.version() != checkedAgainst.get(scope).version();
      Map<String, Attributed> changes = new LinkedHashMap<>();
      SchemaNode next = schema.schema();
      for (DocumentCapture d : newDocuments.get(scope)) {
        List<SchemaChange> drift =
            moved ? DocumentDrift.check(schema.schema(), d.parsed().json()) : d.schemaDrift();
        if (drift.isEmpty()) {
          continue;
        }
        next = next.merge(d.parsed().shape());
        for (SchemaChange change : drift) {
          changes.putIfAbsent(
              SchemaRepository.changeKey(change.type().name(), change.path()),
              new Attributed(change, d.capture(), d.resource().resourceId()));
        }
      }
      if (!changes.isEmpty()) {
        plans.add(new EndpointDrift(schema, next, List.copyOf(changes.values())));
      }
    }
    return plans;
  }

  private Uni<List<RecordedSchemaChange>> store(
      SqlClient connection, EndpointDrift plan, List<OutboxMessage> outbox) {
    String scope = plan.current().scope();
    int version = plan.current().version() + 1;
    Capture first = plan.changes().get(0).capture();
    Instant now = Instant.now();
    NewSchemaVersion newVersion =
        new NewSchemaVersion(
            scope,
            version,
            plan.next().toJsonSchema().toString(),
            SchemaOrigin.DOCUMENT,
            first.runId(),
            first.releaseHash(),
            first.deployDate(),
            plan.next().observations().total(),
            now);
    List<NewSchemaChange> rows =
        plan.changes().stream()
            .map(
                a ->
                    new NewSchemaChange(
                        scope,
                        version,
                        a.change().type().name(),
                        a.change().path(),
                        a.change().oldValue(),
                        a.change().newValue(),
                        a.change().breaking(),
                        a.capture().resourceKey(),
                        a.resourceId(),
                        a.capture().runId(),
                        a.capture().releaseHash(),
                        a.capture().deployDate(),
                        now))
            .toList();
    return repository
        .addVersion(connection, newVersion, false)
        .chain(() -> repository.insertChanges(connection, rows))
        .map(
            ids -> {
              List<RecordedSchemaChange> recorded = new ArrayList<>();
              for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i) != null) {
                  Attributed a = plan.changes().get(i);
                  recorded.add(
                      new RecordedSchemaChange(
                          scope,
                          version,
                          a.change(),
                          a.capture().resourceKey(),
                          a.capture().releaseHash()));
                }
              }
              if (!recorded.isEmpty()) {
                outbox.add(
                    DriftEventFactory.schemaDrift(
                        scope,
                        first.runId(),
                        recorded.stream().map(r -> Changes.of(r.change())).toList(),
                        first.releaseHash(),
                        first.deployDate(),
                        now));
              }
              return recorded;
            });
  }

  private record Attributed(SchemaChange change, Capture capture, String resourceId) {}

  private record EndpointDrift(CurrentSchema current, SchemaNode next, List<Attributed> changes) {}
}
