package io.pokeapi.observability.diff.ingest;

import io.pokeapi.observability.diff.drift.RecordedSchemaChange;
import io.pokeapi.observability.diff.storage.EdgeInconsistency;
import java.util.List;

/**
 * What ingesting one batch did, known once its transaction committed.
 *
 * @param captures captures taken in
 * @param documents captures that carried a JSON document
 * @param stored bodies stored as new snapshots
 * @param deduplicated documents whose body was already stored (only last-seen moved)
 * @param invalidDocuments bodies that were not JSON
 * @param storedBytes the size of the bodies stored
 * @param schemaChanges the schema changes recorded (not those a replay found already recorded)
 * @param dataChanges the data changes recorded
 */
public record IngestReport(
    int captures,
    int documents,
    int stored,
    int deduplicated,
    int invalidDocuments,
    long storedBytes,
    List<RecordedSchemaChange> schemaChanges,
    List<RecordedDataChange> dataChanges) {

  /** The report of an empty batch. */
  public static final IngestReport EMPTY = new IngestReport(0, 0, 0, 0, 0, 0, List.of(), List.of());

  /**
   * A data change recorded.
   *
   * @param endpoint the endpoint
   * @param resourceId the resource
   * @param resourceKey the key the newer body was requested under
   * @param fromSha256 the older body
   * @param toSha256 the newer body
   * @param operations how many JSON Patch operations
   * @param inconsistency why it is put down to the edge, or {@code null}
   * @param releaseHash the release hash seen with the newer body
   */
  public record RecordedDataChange(
      String endpoint,
      String resourceId,
      String resourceKey,
      String fromSha256,
      String toSha256,
      int operations,
      EdgeInconsistency inconsistency,
      String releaseHash) {}
}
