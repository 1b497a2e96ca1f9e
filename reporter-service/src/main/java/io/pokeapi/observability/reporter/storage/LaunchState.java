package io.pokeapi.observability.reporter.storage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the reporter knows about one launch: its ReportPortal UUID (chosen by the reporter, so that
 * a retried start is recognised), the suite item of each endpoint, how many results it holds and
 * the latest time reported in it. Stored as JSON in {@code reporter_launches.state}; a copy is
 * changed and written back only together with the inbox row whose calls changed it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class LaunchState {

  public UUID launchKey;
  public UUID launchUuid;
  public String kind;
  public String name;
  public String suite;
  public Instant startedAt;
  public Instant lastTime;
  public boolean finished;
  public boolean schemaChange;
  public long results;
  public List<Attr> attributes = new ArrayList<>();
  public Map<String, UUID> suites = new LinkedHashMap<>();
  public Set<String> driftedEndpoints = new LinkedHashSet<>();
  public Set<String> checksRun = new LinkedHashSet<>();
  public Set<String> checksFlaky = new LinkedHashSet<>();

  /** An attribute as sent ({@code key} may be null for a plain tag). */
  public record Attr(String key, String value) {}

  /** A deep copy, to change while the calls of one row are planned. */
  public LaunchState copy() {
    LaunchState c = new LaunchState();
    c.launchKey = launchKey;
    c.launchUuid = launchUuid;
    c.kind = kind;
    c.name = name;
    c.suite = suite;
    c.startedAt = startedAt;
    c.lastTime = lastTime;
    c.finished = finished;
    c.schemaChange = schemaChange;
    c.results = results;
    c.attributes = new ArrayList<>(attributes);
    c.suites = new LinkedHashMap<>(suites);
    c.driftedEndpoints = new LinkedHashSet<>(driftedEndpoints);
    c.checksRun = new LinkedHashSet<>(checksRun);
    c.checksFlaky = new LinkedHashSet<>(checksFlaky);
    return c;
  }

  /** Moves {@link #lastTime} forward to {@code t}. */
  public void saw(Instant t) {
    if (t != null && (lastTime == null || t.isAfter(lastTime))) {
      lastTime = t;
    }
  }
}
