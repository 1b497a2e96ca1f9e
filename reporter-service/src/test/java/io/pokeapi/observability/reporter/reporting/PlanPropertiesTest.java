package io.pokeapi.observability.reporter.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.epam.reportportal.utils.http.HttpRequestUtils;
import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.common.contract.Attachment;
import io.pokeapi.observability.common.contract.Change;
import io.pokeapi.observability.common.contract.CheckResult;
import io.pokeapi.observability.common.contract.CheckStatus;
import io.pokeapi.observability.common.contract.DriftDetected;
import io.pokeapi.observability.common.contract.DriftKind;
import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStarted;
import io.pokeapi.observability.common.contract.RunStatus;
import io.pokeapi.observability.common.contract.RunTotals;
import io.pokeapi.observability.common.contract.RunTrigger;
import io.pokeapi.observability.reporter.config.ReporterConfig;
import io.pokeapi.observability.reporter.portal.RpCall;
import io.pokeapi.observability.reporter.storage.EventKind;
import io.pokeapi.observability.reporter.storage.InboxRow;
import io.pokeapi.observability.reporter.storage.LaunchState;
import io.pokeapi.observability.rpdouble.model.ItemRecord;
import io.pokeapi.observability.rpdouble.model.LaunchRecord;
import io.pokeapi.observability.rpdouble.model.ReportStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any run (any number of checks over any endpoints, any start times and durations, any outcome,
 * attempt, failure type and evidence, drift before or after the run's end), every call the planner
 * makes is accepted by the ReportPortal double's strict rules (times inside parents, finishes after
 * starts, known enums and defect types, unique UUIDs, files where logs name them), the launch ends
 * with one item per result, each finished once with the result's status, and planning a row again
 * from the same state gives the very same calls.
 */
class PlanPropertiesTest {

  private static final List<String> ENDPOINTS = List.of("pokemon", "type", "ability", "move");

  record Check(
      int endpoint,
      long startOffsetMs,
      long durationMs,
      CheckStatus status,
      FailureType type,
      int attempt,
      boolean evidence) {}

  @Provide
  Arbitrary<List<Check>> runs() {
    Arbitrary<Check> check =
        Combinators.combine(
                Arbitraries.integers().between(0, ENDPOINTS.size() - 1),
                Arbitraries.longs().between(-50, 60_000),
                Arbitraries.longs().between(0, 12_000),
                Arbitraries.of(CheckStatus.PASSED, CheckStatus.FAILED, CheckStatus.SKIPPED),
                Arbitraries.of(FailureType.class),
                Arbitraries.integers().between(1, 3),
                Arbitraries.of(true, false))
            .as(Check::new);
    return check.list().ofMinSize(0).ofMaxSize(25);
  }

  @Property(tries = 100)
  void everyPlannedCallIsAcceptedAndEveryResultEndsUpOnce(
      @ForAll("runs") List<Check> checks,
      @ForAll boolean driftAfterEnd,
      @ForAll boolean withNullEndpoint) {
    ReportPlanner planner = new ReportPlanner(new TestConfig());
    ReportStore store = new ReportStore();
    UUID run = UUID.randomUUID();
    Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
    RunStarted started = RunStarted.of(run, "sweep", RunTrigger.SCHEDULE, ENDPOINTS, t0);
    List<Object> events = new ArrayList<>();
    events.add(started);
    Instant last = t0;
    for (int i = 0; i < checks.size(); i++) {
      Check c = checks.get(i);
      Instant start = t0.plusMillis(c.startOffsetMs());
      Instant end = start.plusMillis(c.durationMs());
      last = end.isAfter(last) ? end : last;
      String endpoint = withNullEndpoint && i == 0 ? null : ENDPOINTS.get(c.endpoint());
      events.add(
          new CheckResult(
              1,
              run,
              "sweep",
              "check-" + i,
              endpoint,
              c.status(),
              c.status() == CheckStatus.FAILED ? c.type() : null,
              c.status() == CheckStatus.PASSED ? null : "because " + i,
              List.of(),
              c.attempt(),
              start,
              end,
              c.evidence()
                  ? List.of(new Attachment("evidence.txt", "text/plain", "body " + i))
                  : List.of()));
    }
    DriftDetected drift =
        new DriftDetected(
            1,
            DriftKind.SCHEMA,
            "pokemon",
            null,
            run,
            List.of(new Change("field_removed", "/x", null, null, true)),
            "h",
            null,
            last.plusSeconds(1),
            false);
    if (!driftAfterEnd) {
      events.add(drift);
    }
    events.add(
        RunFinished.of(
            started,
            t0.plusSeconds(30),
            new RunTotals(checks.size(), 0, 0, 0),
            RunStatus.COMPLETED));
    if (driftAfterEnd) {
      events.add(drift);
    }

    LaunchState state = null;
    long offset = 0;
    for (Object event : events) {
      InboxRow row = row(event, run, offset++);
      Plan plan = planner.plan(row, state);
      Plan again = planner.plan(row, state == null ? null : state.copy());
      assertThat(json(again.calls())).isEqualTo(json(plan.calls()));
      for (RpCall call : plan.calls()) {
        apply(store, call);
      }
      if (plan.state() != null) {
        state = plan.state();
      }
    }

    LaunchRecord launch = store.launch(state.launchUuid.toString());
    assertThat(launch.finished()).isTrue();
    assertThat(launch.interruptedItems()).isZero();
    assertThat(launch.attributes())
        .anySatisfy(a -> assertThat(a.value()).isEqualTo("schema-change"));
    List<ItemRecord> steps = new ArrayList<>();
    for (String suite : launch.rootItems()) {
      ItemRecord s = store.item(suite);
      assertThat(s.finishCount()).isEqualTo(1);
      s.children().forEach(c -> steps.add(store.item(c)));
    }
    assertThat(steps).hasSize(checks.size());
    for (ItemRecord step : steps) {
      assertThat(step.finishCount()).isEqualTo(1);
      int i = Integer.parseInt(step.testCaseId().substring("check-".length()));
      assertThat(step.status().name()).isEqualTo(checks.get(i).status().name());
    }
  }

  private static InboxRow row(Object event, UUID run, long offset) {
    EventKind kind =
        switch (event) {
          case RunStarted s -> EventKind.RUN_STARTED;
          case RunFinished f -> EventKind.RUN_FINISHED;
          case CheckResult c -> EventKind.CHECK_RESULT;
          case DriftDetected d -> EventKind.DRIFT;
          default -> throw new IllegalArgumentException();
        };
    return new InboxRow(
        offset, "t-" + kind, 0, offset, kind, run, EventJson.toJson(event), Instant.now(), 0, 0);
  }

  private static void apply(ReportStore store, RpCall call) {
    switch (call) {
      case RpCall.StartLaunch s -> store.startLaunch(tree(s.rq()));
      case RpCall.StartItem s -> store.startItem(s.parentUuid(), tree(s.rq()));
      case RpCall.FinishItem f -> store.finishItem(f.uuid(), tree(f.rq()));
      case RpCall.SaveLog l ->
          store.saveLog(
              tree(l.rq()),
              l.rq().getFile() == null ? null : l.rq().getFile().getContentType(),
              l.rq().getFile() == null ? null : l.rq().getFile().getContent());
      case RpCall.FinishLaunch f -> store.finishLaunch(f.uuid(), tree(f.rq()));
      case RpCall.UpdateLaunch u -> store.updateLaunch(store.launch(u.uuid()).id(), tree(u.rq()));
    }
  }

  private static JsonNode tree(Object rq) {
    try {
      return HttpRequestUtils.MAPPER.readTree(HttpRequestUtils.MAPPER.writeValueAsString(rq));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(List<RpCall> calls) {
    StringBuilder sb = new StringBuilder();
    for (RpCall c : calls) {
      Object rq =
          switch (c) {
            case RpCall.StartLaunch s -> s.rq();
            case RpCall.StartItem s -> s.rq();
            case RpCall.FinishItem f -> f.rq();
            case RpCall.SaveLog l -> l.rq();
            case RpCall.FinishLaunch f -> f.rq();
            case RpCall.UpdateLaunch u -> u.rq();
          };
      sb.append(c.kind()).append(tree(rq)).append('\n');
    }
    return sb.toString();
  }

  /** The defaults of {@link ReporterConfig}. */
  static final class TestConfig implements ReporterConfig {
    @Override
    public Portal rp() {
      return new Portal() {
        public Optional<String> endpoint() {
          return Optional.empty();
        }

        public Optional<String> project() {
          return Optional.empty();
        }

        public Optional<String> apiKey() {
          return Optional.empty();
        }

        public Duration timeout() {
          return Duration.ofSeconds(10);
        }

        public boolean async() {
          return false;
        }

        public boolean httpLogging() {
          return false;
        }
      };
    }

    @Override
    public Launch launch() {
      return new Launch() {
        public String env() {
          return "test";
        }

        public String target() {
          return "127.0.0.1";
        }

        public String release() {
          return "r1";
        }
      };
    }

    @Override
    public Delivery delivery() {
      return new Delivery() {
        public Duration pollEvery() {
          return Duration.ofMillis(200);
        }

        public int batchSize() {
          return 200;
        }

        public Duration initialBackoff() {
          return Duration.ofMillis(500);
        }

        public Duration maxBackoff() {
          return Duration.ofSeconds(15);
        }

        public Duration settleTime() {
          return Duration.ofSeconds(30);
        }

        public Duration finishGrace() {
          return Duration.ofSeconds(5);
        }

        public Duration orphanAfter() {
          return Duration.ofMinutes(2);
        }

        public int maxAttachmentBytes() {
          return 1 << 20;
        }
      };
    }

    @Override
    public Load load() {
      return Optional::empty;
    }
  }
}
