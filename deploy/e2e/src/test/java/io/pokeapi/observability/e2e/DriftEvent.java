package io.pokeapi.observability.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code DriftDetected} event reduced to what the tests compare: its kind, endpoint, resource key
 * and the sorted {@code changeType path} of its changes, e.g. {@code data type/3 [remove
 * /generation]} or {@code schema type [field_removed /generation]}.
 */
record DriftEvent(String kind, String endpoint, String resourceKey, List<String> changes) {

  DriftEvent {
    changes = changes.stream().sorted().toList();
  }

  /** A schema drift event of an endpoint (or list scope). */
  static DriftEvent schema(String endpoint, String... changes) {
    return new DriftEvent("schema", endpoint, null, List.of(changes));
  }

  /** A data drift event of one resource. */
  static DriftEvent data(String endpoint, String resourceKey, String... changes) {
    return new DriftEvent("data", endpoint, resourceKey, List.of(changes));
  }

  /** The event as it arrived on {@code pokeapi.drift-events}. */
  static DriftEvent of(JsonNode event) {
    List<String> changes = new ArrayList<>();
    for (JsonNode change : event.path("changes")) {
      changes.add(change.path("changeType").asText() + " " + change.path("path").asText());
    }
    return new DriftEvent(
        event.path("kind").asText(),
        event.path("endpoint").asText(),
        event.path("resourceKey").isTextual() ? event.path("resourceKey").asText() : null,
        changes);
  }

  @Override
  public String toString() {
    return kind + " " + endpoint + (resourceKey == null ? "" : "/" + resourceKey) + " " + changes;
  }
}
