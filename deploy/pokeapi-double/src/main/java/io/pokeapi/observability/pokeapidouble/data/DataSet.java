package io.pokeapi.observability.pokeapidouble.data;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of a data directory, held in memory. Reloading builds a new one and swaps
 * it in; nothing here changes after loading.
 */
public final class DataSet {

  private final Path dataDir;
  private final Map<String, EndpointData> endpointsByName;
  private final List<EndpointData> endpoints;
  private final Document root;
  private final String hash;
  private final String deployDate;
  private final int documentCount;
  private final int listCount;
  private final long storedBytes;
  private final Instant loadedAt;

  DataSet(
      Path dataDir,
      List<EndpointData> endpoints,
      Document root,
      String hash,
      String deployDate,
      int documentCount,
      int listCount,
      long storedBytes,
      Instant loadedAt) {
    this.dataDir = dataDir;
    this.endpoints = List.copyOf(endpoints);
    Map<String, EndpointData> byName = new HashMap<>();
    endpoints.forEach(e -> byName.putIfAbsent(e.name(), e));
    this.endpointsByName = Collections.unmodifiableMap(byName);
    this.root = root;
    this.hash = hash;
    this.deployDate = deployDate;
    this.documentCount = documentCount;
    this.listCount = listCount;
    this.storedBytes = storedBytes;
    this.loadedAt = loadedAt;
  }

  /** The directory this snapshot was read from (the one holding {@code api/v2}). */
  public Path dataDir() {
    return dataDir;
  }

  /** The endpoint of that exact name, or null when the live API would not know it either. */
  public EndpointData endpoint(String name) {
    return endpointsByName.get(name);
  }

  /** Every known endpoint, ordered by {@link EndpointData#ordinal()}. */
  public List<EndpointData> endpoints() {
    return endpoints;
  }

  /** The root index ({@code api/v2/index.json}), or null when absent. */
  public Document root() {
    return root;
  }

  /** {@code hash} of {@code api/v2/meta}, the {@code X-PokeAPI-Hash} header, or null. */
  public String hash() {
    return hash;
  }

  /**
   * {@code deploy_date} of {@code api/v2/meta}, the {@code X-PokeAPI-Deploy-Date} header, or null.
   */
  public String deployDate() {
    return deployDate;
  }

  /** How many documents (slots) the render caches need. */
  public int documentCount() {
    return documentCount;
  }

  /** How many paged lists the render caches need. */
  public int listCount() {
    return listCount;
  }

  /** How many resource files (not counting index files and encounters) were loaded. */
  public int resourceCount() {
    return endpoints.stream().mapToInt(EndpointData::resourceCount).sum();
  }

  /** The bytes held for the stored files (compressed where the files were). */
  public long storedBytes() {
    return storedBytes;
  }

  /** When the snapshot was read. */
  public Instant loadedAt() {
    return loadedAt;
  }
}
