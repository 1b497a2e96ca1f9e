package io.pokeapi.observability.common.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The diff service found that an endpoint's schema or a resource's data changed, published on
 * {@link Topics#DRIFT_EVENTS} under {@link #messageKey()}.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION} for this layout
 * @param kind schema or data drift
 * @param endpoint the PokéAPI endpoint
 * @param resourceKey the resource (id or name as requested) for data drift; {@code null} for schema
 *     drift
 * @param runId the probe run whose capture showed the drift
 * @param changes the differences, never {@code null}
 * @param releaseHash the {@code X-PokeAPI-Hash} of the newer answer, or {@code null}
 * @param deployDate the {@code X-PokeAPI-Deploy-Date} of the newer answer as received, or {@code
 *     null}
 * @param detectedAt when the diff service saw it
 * @param edgeInconsistency true when the answers differ but carry the same release hash, or the
 *     same resource differs between its id and name forms: the edge (cache) disagrees with itself
 *     rather than a new release having changed the data
 */
public record DriftDetected(
    int schemaVersion,
    DriftKind kind,
    String endpoint,
    String resourceKey,
    UUID runId,
    List<Change> changes,
    String releaseHash,
    String deployDate,
    Instant detectedAt,
    boolean edgeInconsistency) {

  /** The layout version this class writes. */
  public static final int SCHEMA_VERSION = 1;

  public DriftDetected {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(endpoint, "endpoint");
    changes = changes == null ? List.of() : List.copyOf(changes);
  }

  /** Whether any change could break a client. */
  public boolean breaking() {
    return changes.stream().anyMatch(Change::breaking);
  }

  /**
   * The Kafka key: {@link Topics#resourceKey(String, String)} for data drift (so it shares the
   * order of that resource's captures), the endpoint alone for schema drift.
   */
  public String messageKey() {
    return resourceKey == null
        ? Topics.endpointKey(endpoint)
        : Topics.resourceKey(endpoint, resourceKey);
  }
}
