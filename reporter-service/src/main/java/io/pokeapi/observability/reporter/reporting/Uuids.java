package io.pokeapi.observability.reporter.reporting;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The UUIDs the reporter gives ReportPortal launches, items and logs: derived from what they report
 * (the run, the endpoint, the Kafka record), so that the same thing always gets the same UUID,
 * across retries, replays and restarts, and a duplicate is recognised instead of created.
 */
public final class Uuids {

  private Uuids() {}

  /** The launch of a run. */
  public static UUID launch(UUID launchKey) {
    return of("launch/" + launchKey);
  }

  /** The suite item of an endpoint in a run's launch. */
  public static UUID suite(UUID launchKey, String endpoint) {
    return of("suite/" + launchKey + "/" + endpoint);
  }

  /** Something reported for one Kafka record; {@code n} numbers the record's items and logs. */
  public static UUID ofRecord(String topic, int partition, long offset, int n) {
    return of("record/" + topic + "/" + partition + "/" + offset + "/" + n);
  }

  private static UUID of(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
