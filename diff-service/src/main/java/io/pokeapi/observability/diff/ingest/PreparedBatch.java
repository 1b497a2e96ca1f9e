package io.pokeapi.observability.diff.ingest;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.diff.drift.SchemaCache.CurrentSchema;
import io.pokeapi.observability.diff.storage.LatencySample;
import io.pokeapi.observability.diff.storage.ResourceKeyRepository.KeyedResource;
import io.pokeapi.observability.diff.storage.RunCaptures;
import io.pokeapi.observability.diff.storage.SchemaRepository.RunShape;
import io.pokeapi.observability.diff.storage.SchemaRepository.Shape;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A batch of captures ready to be written: documents resolved to resources, new bodies parsed,
 * fingerprinted and checked against their endpoint's schema.
 *
 * @param captures every capture of the batch, in capture order
 * @param documents the captures that carry a valid JSON document, in capture order
 * @param invalidDocuments captures whose body was not JSON after all (kept as latency samples)
 * @param schemas the schemas (by scope) the new bodies were checked against
 */
public record PreparedBatch(
    List<Capture> captures,
    List<DocumentCapture> documents,
    Set<Capture> invalidDocuments,
    Map<String, CurrentSchema> schemas) {

  /** The resources of the documents, in lock order. */
  public SortedSet<ResourceRef> resources() {
    SortedSet<ResourceRef> resources = new TreeSet<>();
    documents.forEach(d -> resources.add(d.resource()));
    return resources;
  }

  /** The new shapes of the batch. */
  public List<Shape> newShapes() {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    for (DocumentCapture d : documents) {
      if (d.parsed() != null) {
        shapes.putIfAbsent(
            d.capture().schemaScope() + " " + d.fingerprint(),
            new Shape(
                d.capture().schemaScope(),
                d.fingerprint(),
                d.parsed().shape().toJsonSchema().toString()));
      }
    }
    return List.copyOf(shapes.values());
  }

  /** Which shapes each run saw in each scope. */
  public Set<RunShape> runShapes() {
    Set<RunShape> runShapes = new LinkedHashSet<>();
    for (DocumentCapture d : documents) {
      runShapes.add(new RunShape(d.capture().runId(), d.capture().schemaScope(), d.fingerprint()));
    }
    return runShapes;
  }

  /** Which resource each requested key answered with. */
  public Set<KeyedResource> resourceKeys() {
    Set<KeyedResource> keys = new LinkedHashSet<>();
    for (DocumentCapture d : documents) {
      if (!d.capture().isNotModified()) {
        keys.add(
            new KeyedResource(
                d.capture().endpoint(), d.capture().resourceKey(), d.resource().resourceId()));
      }
    }
    return keys;
  }

  /** One latency sample per capture. */
  public List<LatencySample> latencySamples() {
    Map<ApiResponseCaptured, DocumentCapture> withDocument = new IdentityHashMap<>();
    documents.forEach(d -> withDocument.put(d.capture().event(), d));
    List<LatencySample> samples = new ArrayList<>(captures.size());
    for (Capture c : captures) {
      DocumentCapture d = withDocument.get(c.event());
      samples.add(
          new LatencySample(
              c.runId(),
              c.sampleUrl(),
              c.event().method() == null ? "GET" : c.event().method(),
              c.capturedAt(),
              c.endpoint(),
              c.resourceKey(),
              c.event().status(),
              c.latencyMicros(),
              c.schemaScope(),
              d != null,
              d == null ? null : d.capture().sha256(),
              d == null ? null : d.resource().resourceId()));
    }
    return samples;
  }

  /** What the batch saw of each run. */
  public List<RunCaptures> runCaptures() {
    Map<UUID, List<Capture>> byRun = new LinkedHashMap<>();
    captures.forEach(c -> byRun.computeIfAbsent(c.runId(), k -> new ArrayList<>()).add(c));
    List<RunCaptures> runs = new ArrayList<>(byRun.size());
    byRun.forEach(
        (runId, runCaptures) -> {
          Instant first =
              runCaptures.stream().map(Capture::capturedAt).min(Comparator.naturalOrder()).get();
          Capture last = runCaptures.stream().max(Comparator.comparing(Capture::capturedAt)).get();
          Capture lastWithRelease =
              runCaptures.stream()
                  .filter(c -> c.releaseHash() != null)
                  .max(Comparator.comparing(Capture::capturedAt))
                  .orElse(null);
          runs.add(
              new RunCaptures(
                  runId,
                  last.event().suite(),
                  first,
                  last.capturedAt(),
                  lastWithRelease == null ? null : lastWithRelease.releaseHash(),
                  lastWithRelease == null ? null : lastWithRelease.deployDate()));
        });
    return runs;
  }
}
