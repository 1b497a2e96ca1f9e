package io.pokeapi.observability.diff.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.diff.storage.EdgeInconsistency;
import io.pokeapi.observability.diff.storage.KnownContent;
import io.pokeapi.observability.diff.storage.ResourceHead;
import io.pokeapi.observability.diff.support.Captures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ObservationPlanTest {

  private static final Instant T0 = Instant.parse("2026-08-08T10:00:00Z");
  private static final String PIKACHU_V1 = "{\"id\":25,\"name\":\"pikachu\",\"weight\":60}";
  private static final String PIKACHU_V2 = "{\"id\":25,\"name\":\"pikachu\",\"weight\":61}";
  private static final ResourceRef PIKACHU = new ResourceRef("pokemon", "25");

  private final DocumentParser parser = new DocumentParser();
  private final UUID run1 = UUID.randomUUID();
  private final UUID run2 = UUID.randomUUID();

  @Test
  void aResourceSeenForTheFirstTimeIsStoredAndBecomesCurrentWithoutADataChange() {
    DocumentCapture first = fresh(capture(run1, "25", PIKACHU_V1, "rel-a", 0));

    ObservationPlan plan = ObservationPlan.of(List.of(first), Map.of());

    assertThat(plan.newSnapshots())
        .singleElement()
        .satisfies(s -> assertThat(s.resourceId()).isEqualTo("25"));
    assertThat(plan.transitions()).isEmpty();
    assertThat(plan.headMoves()).containsOnlyKeys(PIKACHU);
  }

  @Test
  void theSameBodyAgainOnlyMovesLastSeen() {
    ApiResponseCaptured again = capture(run2, "25", PIKACHU_V1, "rel-a", 60);
    DocumentCapture known = known(again, 7L, run1, "rel-a");

    ObservationPlan plan =
        ObservationPlan.of(List.of(known), Map.of(PIKACHU, head(7L, PIKACHU_V1, 0, run1, "rel-a")));

    assertThat(plan.newSnapshots()).isEmpty();
    assertThat(plan.transitions()).isEmpty();
    assertThat(plan.headMoves()).isEmpty();
    assertThat(plan.sightings())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.snapshotId()).isEqualTo(7L);
              assertThat(s.runId()).isEqualTo(run2);
              assertThat(s.seenAt()).isEqualTo(T0.plusSeconds(60));
            });
  }

  @Test
  void aChangedBodyUnderANewReleaseIsADataChangeLinkedToTheRelease() {
    DocumentCapture changed = fresh(capture(run2, "25", PIKACHU_V2, "rel-b", 60));

    ObservationPlan plan =
        ObservationPlan.of(
            List.of(changed), Map.of(PIKACHU, head(7L, PIKACHU_V1, 0, run1, "rel-a")));

    assertThat(plan.transitions())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.from().sha256()).isEqualTo(sha(PIKACHU_V1));
              assertThat(t.to().sha256()).isEqualTo(sha(PIKACHU_V2));
              assertThat(t.inconsistency()).isNull();
              assertThat(t.previousReleaseHash()).isEqualTo("rel-a");
            });
    assertThat(plan.headMoves()).containsOnlyKeys(PIKACHU);
  }

  @Test
  void aChangedBodyUnderTheSameReleaseHashIsAnEdgeInconsistency() {
    DocumentCapture changed = fresh(capture(run2, "25", PIKACHU_V2, "rel-a", 60));

    ObservationPlan plan =
        ObservationPlan.of(
            List.of(changed), Map.of(PIKACHU, head(7L, PIKACHU_V1, 0, run1, "rel-a")));

    assertThat(plan.transitions())
        .singleElement()
        .satisfies(t -> assertThat(t.inconsistency()).isEqualTo(EdgeInconsistency.SAME_RELEASE));
  }

  @Test
  void twoAnswersForOneResourceInOneRunAreAnEdgeInconsistency() {
    DocumentCapture byId = known(capture(run2, "25", PIKACHU_V1, "rel-b", 60), 7L, run1, "rel-a");
    DocumentCapture byName = fresh(capture(run2, "pikachu", PIKACHU_V2, "rel-b", 61));

    ObservationPlan plan =
        ObservationPlan.of(
            List.of(byName, byId), Map.of(PIKACHU, head(7L, PIKACHU_V1, 0, run1, "rel-a")));

    assertThat(plan.transitions())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.capture().capture().resourceKey()).isEqualTo("pikachu");
              assertThat(t.inconsistency()).isEqualTo(EdgeInconsistency.SAME_RUN);
            });
  }

  @Test
  void anObservationOlderThanTheCurrentBodyNeverMovesIt() {
    DocumentCapture late = fresh(capture(run1, "25", PIKACHU_V2, "rel-b", -60));

    ObservationPlan plan =
        ObservationPlan.of(List.of(late), Map.of(PIKACHU, head(7L, PIKACHU_V1, 0, run1, "rel-a")));

    assertThat(plan.newSnapshots()).hasSize(1);
    assertThat(plan.transitions()).isEmpty();
    assertThat(plan.headMoves()).isEmpty();
  }

  @Test
  void oneNewBodyAnsweredByIdAndByNameIsStoredOnce() {
    DocumentCapture byId = fresh(capture(run1, "25", PIKACHU_V1, "rel-a", 0));
    DocumentCapture byName = fresh(capture(run1, "pikachu", PIKACHU_V1, "rel-a", 5));

    ObservationPlan plan = ObservationPlan.of(List.of(byName, byId), Map.of());

    assertThat(plan.newSnapshots())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.resourceKey()).isEqualTo("25");
              assertThat(s.firstSeen()).isEqualTo(T0);
              assertThat(s.lastSeen()).isEqualTo(T0.plusSeconds(5));
            });
    assertThat(plan.transitions()).isEmpty();
  }

  private ApiResponseCaptured capture(
      UUID run, String key, String body, String release, long second) {
    return Captures.ok(run, "sweep", "pokemon", key, body, release, T0.plusSeconds(second));
  }

  private DocumentCapture fresh(ApiResponseCaptured event) {
    Capture c = Capture.of(event, T0);
    ParsedDocument parsed = parser.parse(c).orElseThrow();
    return new DocumentCapture(
        c, parsed.identity().ref(), null, parsed, parsed.fingerprint(), List.of());
  }

  private DocumentCapture known(
      ApiResponseCaptured event, long snapshotId, UUID lastRun, String lastRelease) {
    Capture c = Capture.of(event, T0);
    KnownContent known =
        new KnownContent(
            snapshotId, "pokemon", c.sha256(), "25", true, "shape", T0, lastRun, lastRelease);
    return new DocumentCapture(c, PIKACHU, known, null, "shape", List.of());
  }

  private static ResourceHead head(
      long snapshotId, String body, long second, UUID lastRun, String lastRelease) {
    return new ResourceHead(
        "pokemon", "25", snapshotId, sha(body), T0.plusSeconds(second), lastRun, lastRelease);
  }

  private static String sha(String body) {
    return ApiResponseCaptured.sha256Hex(body);
  }
}
