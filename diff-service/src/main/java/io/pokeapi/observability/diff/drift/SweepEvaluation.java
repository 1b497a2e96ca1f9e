package io.pokeapi.observability.diff.drift;

import io.pokeapi.observability.common.schema.SchemaChange;
import io.pokeapi.observability.common.schema.SchemaDiff;
import io.pokeapi.observability.common.schema.SchemaNode;
import io.pokeapi.observability.diff.storage.SchemaRepository;
import java.util.List;
import java.util.Set;

/**
 * What a full sweep of an endpoint says about its schema, decided when the run has finished.
 *
 * <p>The schema of the sweep (every document it saw, merged) is compared with the schema the
 * previous sweep settled. That finds what no single document can prove: a field gone from every
 * document ({@code FIELD_REMOVED}), a field now missing from some ({@code BECAME_OPTIONAL}), and
 * narrowings (a field now in every document, a type or a null no longer seen). Changes already
 * recorded since the previous sweep (typically a new field or type a document showed during the
 * run) are not recorded again.
 *
 * @param changes the changes to record
 * @param newSchema the schema to make current (the sweep's), or {@code null} to keep the current
 *     one
 */
public record SweepEvaluation(List<SchemaChange> changes, SchemaNode newSchema) {

  /**
   * Evaluates a sweep.
   *
   * @param settled the schema the previous sweep settled (or the baseline)
   * @param current the current schema (the settled one widened by documents since)
   * @param swept the schema of the sweep's documents
   * @param alreadyRecorded {@link SchemaRepository#changeKey} of the changes recorded since the
   *     previous sweep
   */
  public static SweepEvaluation evaluate(
      SchemaNode settled, SchemaNode current, SchemaNode swept, Set<String> alreadyRecorded) {
    List<SchemaChange> changes =
        SchemaDiff.diff(settled, swept).stream()
            .filter(
                change ->
                    !alreadyRecorded.contains(
                        SchemaRepository.changeKey(change.type().name(), change.path())))
            .toList();
    boolean advance = !changes.isEmpty() || !SchemaDiff.sameShape(current, swept);
    return new SweepEvaluation(changes, advance ? swept : null);
  }

  /** Whether the sweep makes a new schema version. */
  public boolean advances() {
    return newSchema != null;
  }
}
