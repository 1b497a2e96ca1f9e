package io.pokeapi.observability.diff.drift;

import io.pokeapi.observability.common.contract.Change;
import io.pokeapi.observability.common.contract.DriftDetected;
import io.pokeapi.observability.common.contract.DriftKind;
import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.KafkaMessageLimits;
import io.pokeapi.observability.common.contract.Topics;
import io.pokeapi.observability.diff.storage.OutboxMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Builds the {@link DriftDetected} events the diff service publishes, as outbox messages for {@link
 * Topics#DRIFT_EVENTS}.
 */
public final class DriftEventFactory {

  /**
   * The largest payload put on the topic, in characters: a quarter of {@link
   * KafkaMessageLimits#MAX_RECORD_BYTES}, so it fits whatever the characters' UTF-8 length. Data
   * changes that would not fit (a whole list replaced in a megabyte body) keep their operations and
   * paths but leave out the values, which the REST API still serves in full.
   */
  static final int MAX_PAYLOAD_CHARS = KafkaMessageLimits.MAX_RECORD_BYTES / 4;

  private DriftEventFactory() {}

  /** A schema drift event of an endpoint. */
  public static OutboxMessage schemaDrift(
      String endpoint,
      UUID runId,
      List<Change> changes,
      String releaseHash,
      String deployDate,
      Instant detectedAt) {
    DriftDetected event =
        new DriftDetected(
            DriftDetected.SCHEMA_VERSION,
            DriftKind.SCHEMA,
            endpoint,
            null,
            runId,
            changes,
            releaseHash,
            deployDate,
            detectedAt,
            false);
    return OutboxMessage.of(Topics.DRIFT_EVENTS, event.messageKey(), EventJson.toJson(event));
  }

  /** A data drift event of a resource. */
  public static OutboxMessage dataDrift(
      String endpoint,
      String resourceKey,
      UUID runId,
      List<Change> changes,
      String releaseHash,
      String deployDate,
      Instant detectedAt,
      boolean edgeInconsistency) {
    DriftDetected event =
        new DriftDetected(
            DriftDetected.SCHEMA_VERSION,
            DriftKind.DATA,
            endpoint,
            resourceKey,
            runId,
            changes,
            releaseHash,
            deployDate,
            detectedAt,
            edgeInconsistency);
    String payload = EventJson.toJson(event);
    if (payload.length() > MAX_PAYLOAD_CHARS) {
      List<Change> withoutValues =
          changes.stream()
              .map(c -> new Change(c.changeType(), c.path(), null, null, c.breaking()))
              .toList();
      payload =
          EventJson.toJson(
              new DriftDetected(
                  event.schemaVersion(),
                  event.kind(),
                  endpoint,
                  resourceKey,
                  runId,
                  withoutValues,
                  releaseHash,
                  deployDate,
                  detectedAt,
                  edgeInconsistency));
    }
    return OutboxMessage.of(Topics.DRIFT_EVENTS, event.messageKey(), payload);
  }
}
