package io.pokeapi.observability.diff.ingest;

import io.pokeapi.observability.diff.storage.EdgeInconsistency;
import io.pokeapi.observability.diff.storage.NewSnapshot;
import io.pokeapi.observability.diff.storage.ResourceHead;
import io.pokeapi.observability.diff.storage.SnapshotSighting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a batch of documents does to the store, decided from the current heads of their resources
 * before anything is written:
 *
 * <ul>
 *   <li>bodies not stored yet are stored once (by id and by name, the same body is one snapshot);
 *   <li>bodies stored already are only seen again: their last-seen time, run and release move;
 *   <li>per resource, in capture order, each body that differs from the current one and is not
 *       older than it becomes current, and the step is a data change. A step is an edge
 *       inconsistency when the current body was seen in the same run (two answers in one run) or
 *       with the same release hash (content changed without a release).
 * </ul>
 *
 * An observation older than the current body (a replay, or a late answer) never moves the head, so
 * replaying a topic changes nothing but last-seen times that are already later.
 */
public final class ObservationPlan {

  /**
   * One data change: the current body of a resource replaced by another.
   *
   * @param from the body that was current
   * @param to the body that becomes current
   * @param capture the capture that brought it
   * @param inconsistency why it is put down to the edge, or {@code null} for a release
   * @param previousReleaseHash the release hash last seen with the old body
   */
  public record Transition(
      ContentKey from,
      ContentKey to,
      DocumentCapture capture,
      EdgeInconsistency inconsistency,
      String previousReleaseHash) {}

  private final Map<ContentKey, NewSnapshot> newSnapshots;
  private final Map<ContentKey, Long> knownSnapshotIds;
  private final Map<Long, SnapshotSighting> sightings;
  private final List<Transition> transitions;
  private final Map<ResourceRef, DocumentCapture> headMoves;

  private ObservationPlan(
      Map<ContentKey, NewSnapshot> newSnapshots,
      Map<ContentKey, Long> knownSnapshotIds,
      Map<Long, SnapshotSighting> sightings,
      List<Transition> transitions,
      Map<ResourceRef, DocumentCapture> headMoves) {
    this.newSnapshots = newSnapshots;
    this.knownSnapshotIds = knownSnapshotIds;
    this.sightings = sightings;
    this.transitions = transitions;
    this.headMoves = headMoves;
  }

  /**
   * Plans a batch.
   *
   * @param documents the documents of the batch
   * @param heads the current heads of their resources (resources without one are new)
   */
  public static ObservationPlan of(
      List<DocumentCapture> documents, Map<ResourceRef, ResourceHead> heads) {
    List<DocumentCapture> ordered = new ArrayList<>(documents);
    ordered.sort(Comparator.comparing(d -> d.capture().capturedAt()));

    Map<ContentKey, NewSnapshot> newSnapshots = new LinkedHashMap<>();
    Map<ContentKey, Long> knownIds = new HashMap<>();
    Map<Long, SnapshotSighting> sightings = new LinkedHashMap<>();
    for (DocumentCapture document : ordered) {
      Capture c = document.capture();
      if (document.isKnown()) {
        knownIds.put(document.content(), document.known().snapshotId());
        sightings.merge(
            document.known().snapshotId(),
            new SnapshotSighting(
                document.known().snapshotId(), c.capturedAt(), c.runId(), c.releaseHash()),
            ObservationPlan::later);
      } else {
        newSnapshots.merge(document.content(), newSnapshot(document), ObservationPlan::seenAgain);
      }
    }
    for (ResourceHead head : heads.values()) {
      knownIds.put(
          new ContentKey(new ResourceRef(head.endpoint(), head.resourceId()), head.sha256()),
          head.snapshotId());
    }

    List<Transition> transitions = new ArrayList<>();
    Map<ResourceRef, DocumentCapture> headMoves = new LinkedHashMap<>();
    Map<ResourceRef, Current> current = new HashMap<>();
    heads.forEach(
        (ref, head) ->
            current.put(
                ref,
                new Current(
                    new ContentKey(ref, head.sha256()),
                    head.observedAt(),
                    head.lastRunId(),
                    head.lastReleaseHash())));
    for (DocumentCapture document : ordered) {
      Capture c = document.capture();
      ResourceRef ref = document.resource();
      Current head = current.get(ref);
      if (head != null && head.content.sha256().equals(c.sha256())) {
        current.put(ref, head.seenAgain(c));
        continue;
      }
      if (head != null && c.capturedAt().isBefore(head.observedAt)) {
        continue;
      }
      if (head != null) {
        transitions.add(
            new Transition(
                head.content,
                document.content(),
                document,
                inconsistency(head, c),
                head.lastReleaseHash));
      }
      current.put(ref, new Current(document.content(), c.capturedAt(), c.runId(), c.releaseHash()));
      headMoves.put(ref, document);
    }
    return new ObservationPlan(newSnapshots, knownIds, sightings, transitions, headMoves);
  }

  /** Bodies to store, in capture order. */
  public List<ContentKey> newContents() {
    return List.copyOf(newSnapshots.keySet());
  }

  /** The rows to store, in the order of {@link #newContents()}. */
  public List<NewSnapshot> newSnapshots() {
    return List.copyOf(newSnapshots.values());
  }

  /** Stored bodies seen again. */
  public List<SnapshotSighting> sightings() {
    return List.copyOf(sightings.values());
  }

  /** The data changes, in capture order. */
  public List<Transition> transitions() {
    return transitions;
  }

  /** The resources whose current body changes (or that are new), with the document that wins. */
  public Map<ResourceRef, DocumentCapture> headMoves() {
    return headMoves;
  }

  /** The snapshot id of a body stored before this batch (or the current body), or {@code null}. */
  public Long knownSnapshotId(ContentKey content) {
    return knownSnapshotIds.get(content);
  }

  private static EdgeInconsistency inconsistency(Current head, Capture c) {
    if (Objects.equals(head.lastRunId, c.runId())) {
      return EdgeInconsistency.SAME_RUN;
    }
    if (c.releaseHash() != null && c.releaseHash().equals(head.lastReleaseHash)) {
      return EdgeInconsistency.SAME_RELEASE;
    }
    return null;
  }

  private static NewSnapshot newSnapshot(DocumentCapture document) {
    Capture c = document.capture();
    ResourceIdentity identity = document.parsed().identity();
    return new NewSnapshot(
        c.endpoint(),
        identity.resourceId(),
        identity.idFromBody(),
        identity.name(),
        c.resourceKey(),
        c.sha256(),
        c.event().body(),
        c.bodyBytes(),
        c.schemaScope(),
        document.fingerprint(),
        c.capturedAt(),
        c.capturedAt(),
        c.runId(),
        c.runId(),
        c.releaseHash(),
        c.deployDate(),
        c.releaseHash());
  }

  /** The same body captured again later in the batch (captures are visited in time order). */
  private static NewSnapshot seenAgain(NewSnapshot first, NewSnapshot again) {
    return new NewSnapshot(
        first.endpoint(),
        first.resourceId(),
        first.idFromBody(),
        first.resourceName() != null ? first.resourceName() : again.resourceName(),
        first.resourceKey(),
        first.sha256(),
        first.body(),
        first.bodyBytes(),
        first.schemaScope(),
        first.shape(),
        first.firstSeen(),
        again.lastSeen(),
        first.firstRunId(),
        again.lastRunId(),
        first.releaseHash(),
        first.deployDate(),
        again.lastReleaseHash() != null ? again.lastReleaseHash() : first.lastReleaseHash());
  }

  private static SnapshotSighting later(SnapshotSighting a, SnapshotSighting b) {
    SnapshotSighting latest = b.seenAt().isBefore(a.seenAt()) ? a : b;
    SnapshotSighting earlier = latest == a ? b : a;
    String release = latest.releaseHash() != null ? latest.releaseHash() : earlier.releaseHash();
    return new SnapshotSighting(latest.snapshotId(), latest.seenAt(), latest.runId(), release);
  }

  /** The current body of a resource while the batch is walked. */
  private record Current(
      ContentKey content, Instant observedAt, UUID lastRunId, String lastReleaseHash) {

    Current seenAgain(Capture c) {
      return new Current(
          content,
          observedAt,
          c.runId(),
          c.releaseHash() != null ? c.releaseHash() : lastReleaseHash);
    }
  }
}
