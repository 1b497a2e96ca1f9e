package io.pokeapi.observability.diff.drift;

import io.pokeapi.observability.common.schema.SchemaInferrer;
import io.pokeapi.observability.common.schema.SchemaNode;
import io.pokeapi.observability.diff.config.DiffConfig;
import io.pokeapi.observability.diff.storage.NewSchemaChange;
import io.pokeapi.observability.diff.storage.NewSchemaVersion;
import io.pokeapi.observability.diff.storage.OutboxMessage;
import io.pokeapi.observability.diff.storage.ProbeRun;
import io.pokeapi.observability.diff.storage.RunRepository.ScopeCoverage;
import io.pokeapi.observability.diff.storage.SchemaHead;
import io.pokeapi.observability.diff.storage.SchemaOrigin;
import io.pokeapi.observability.diff.storage.SchemaRepository;
import io.pokeapi.observability.diff.storage.StoredSchemaVersion;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Decides, when a full sweep has finished, what it says about the schema of one scope: the first
 * sweep establishes the baseline (no drift is raised while a scope has none); a later one records
 * what only a whole sweep can show (see {@link SweepEvaluation}) and settles the schema.
 */
@ApplicationScoped
public class SweepSchemaRecorder {

  private static final Logger LOG = Logger.getLogger(SweepSchemaRecorder.class);

  private final SchemaRepository repository;
  private final DiffConfig config;
  private final SchemaCache schemas;
  private final SweptSchemaMemo memo = new SweptSchemaMemo();

  public SweepSchemaRecorder(SchemaRepository repository, DiffConfig config, SchemaCache schemas) {
    this.repository = repository;
    this.config = config;
    this.schemas = schemas;
  }

  /** Whether a finished run swept all resources of its endpoints. */
  public boolean isFullSweep(ProbeRun run) {
    return run.suite() != null
        && config.schema().sweepSuites().contains(run.suite())
        && "completed".equals(run.status());
  }

  /**
   * Evaluates the sweep of one scope inside the caller's transaction.
   *
   * @param coverage what the run delivered of the scope
   * @param outbox receives the drift event to publish
   * @return the changes stored now
   */
  public Uni<List<RecordedSchemaChange>> record(
      SqlClient connection,
      ProbeRun run,
      String scope,
      ScopeCoverage coverage,
      List<OutboxMessage> outbox) {
    long documents = coverage.documents();
    return repository
        .lockScopes(connection, List.of(scope))
        .chain(() -> repository.heads(connection, List.of(scope)))
        .chain(heads -> state(connection, heads.get(scope)))
        .chain(
            state -> {
              if (state == null) {
                if (coverage.share() < config.schema().minSweepCoverage()) {
                  return skipFirst(scope, run, coverage);
                }
                return sweptSchema(connection, run, scope)
                    .chain(schema -> establishBaseline(connection, run, scope, documents, schema));
              }
              if (documents < state.settled().documents() * config.schema().minSweepCoverage()) {
                return skipPartial(scope, run, documents, state.settled());
              }
              return sweptSchema(connection, run, scope)
                  .chain(
                      schema -> settle(connection, run, scope, documents, state, schema, outbox));
            });
  }

  /**
   * The stored schema of a scope.
   *
   * @param settled the version the last sweep settled
   * @param current the current version
   * @param recorded the changes recorded since the last sweep
   */
  private record StoredState(
      StoredSchemaVersion settled, StoredSchemaVersion current, Set<String> recorded) {}

  private Uni<StoredState> state(SqlClient connection, SchemaHead head) {
    if (head == null) {
      return Uni.createFrom().nullItem();
    }
    String scope = head.scope();
    return repository
        .version(connection, scope, head.sweepVersion())
        .chain(
            settled ->
                repository
                    .version(connection, scope, head.currentVersion())
                    .chain(
                        current ->
                            repository
                                .changesAfter(connection, scope, head.sweepVersion())
                                .map(
                                    recorded ->
                                        new StoredState(
                                            settled.orElseThrow(),
                                            current.orElseThrow(),
                                            recorded))));
  }

  /**
   * The schema the run's shapes of a scope merge into: remembered from the last sweep when it saw
   * the same shapes, else read, parsed and merged (off the event loop).
   */
  private Uni<SchemaNode> sweptSchema(SqlClient connection, ProbeRun run, String scope) {
    return repository
        .runShapeFingerprints(connection, run.runId(), scope)
        .chain(
            fingerprints -> {
              SchemaNode known = memo.sweptSchema(scope, fingerprints);
              if (known != null) {
                // what follows may parse a stored version: not on the event loop either
                return Uni.createFrom().item(known).emitOn(Infrastructure.getDefaultWorkerPool());
              }
              return repository
                  .runShapeSchemas(connection, run.runId(), scope)
                  .emitOn(Infrastructure.getDefaultWorkerPool())
                  .map(
                      shapes -> {
                        SchemaInferrer inferrer = new SchemaInferrer();
                        shapes.forEach(json -> inferrer.add(SchemaCache.parse(json)));
                        SchemaNode merged = inferrer.schema();
                        memo.rememberSwept(scope, fingerprints, merged);
                        return merged;
                      });
            });
  }

  private Uni<List<RecordedSchemaChange>> establishBaseline(
      SqlClient connection, ProbeRun run, String scope, long documents, SchemaNode schema) {
    LOG.infof(
        "Baseline schema of %s established from %d documents of run %s (release %s)",
        scope, documents, run.runId(), run.releaseHash());
    return repository
        .addVersion(
            connection,
            new NewSchemaVersion(
                scope,
                1,
                schema.toJsonSchema().toString(),
                SchemaOrigin.BASELINE,
                run.runId(),
                run.releaseHash(),
                run.deployDate(),
                documents,
                Instant.now()),
            true)
        .replaceWith(List.of());
  }

  private static Uni<List<RecordedSchemaChange>> skipFirst(
      String scope, ProbeRun run, ScopeCoverage coverage) {
    LOG.infof(
        "Run %s delivered documents for %d of the %d resources of %s it requested: below the"
            + " coverage threshold, no baseline schema from it",
        run.runId(), coverage.deliveredKeys(), coverage.requestedKeys(), scope);
    return Uni.createFrom().item(List.of());
  }

  private static Uni<List<RecordedSchemaChange>> skipPartial(
      String scope, ProbeRun run, long documents, StoredSchemaVersion settled) {
    LOG.infof(
        "Run %s delivered %d documents of %s, fewer than its last sweep (%d): not a full sweep,"
            + " schema not settled",
        run.runId(), documents, scope, settled.documents());
    return Uni.createFrom().item(List.of());
  }

  private Uni<List<RecordedSchemaChange>> settle(
      SqlClient connection,
      ProbeRun run,
      String scope,
      long documents,
      StoredState state,
      SchemaNode swept,
      List<OutboxMessage> outbox) {
    StoredSchemaVersion settled = state.settled();
    StoredSchemaVersion current = state.current();
    SweepEvaluation evaluation =
        SweepEvaluation.evaluate(
            schemas.parsed(settled), schemas.parsed(current), swept, state.recorded());
    if (!evaluation.advances()) {
      return current.version() == settled.version()
          ? Uni.createFrom().item(List.of())
          : repository.settleSweep(connection, scope, current.version()).replaceWith(List.of());
    }
    int version = current.version() + 1;
    Instant now = Instant.now();
    List<NewSchemaChange> rows = new ArrayList<>();
    evaluation
        .changes()
        .forEach(
            change ->
                rows.add(
                    new NewSchemaChange(
                        scope,
                        version,
                        change.type().name(),
                        change.path(),
                        change.oldValue(),
                        change.newValue(),
                        change.breaking(),
                        null,
                        null,
                        run.runId(),
                        run.releaseHash(),
                        run.deployDate(),
                        now)));
    return repository
        .addVersion(
            connection,
            new NewSchemaVersion(
                scope,
                version,
                evaluation.newSchema().toJsonSchema().toString(),
                SchemaOrigin.SWEEP,
                run.runId(),
                run.releaseHash(),
                run.deployDate(),
                documents,
                now),
            true)
        .chain(() -> repository.insertChanges(connection, rows))
        .map(
            ids -> {
              List<RecordedSchemaChange> recorded = new ArrayList<>();
              for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i) != null) {
                  recorded.add(
                      new RecordedSchemaChange(
                          scope, version, evaluation.changes().get(i), null, run.releaseHash()));
                }
              }
              if (!recorded.isEmpty()) {
                outbox.add(
                    DriftEventFactory.schemaDrift(
                        scope,
                        run.runId(),
                        recorded.stream().map(r -> Changes.of(r.change())).toList(),
                        run.releaseHash(),
                        run.deployDate(),
                        now));
              }
              return recorded;
            });
  }
}
