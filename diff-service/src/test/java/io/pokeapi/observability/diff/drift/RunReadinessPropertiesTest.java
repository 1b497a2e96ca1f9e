package io.pokeapi.observability.diff.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.diff.drift.RunReadiness.Verdict;
import io.pokeapi.observability.diff.storage.ProbeRun;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Issue 9, item 7: when a finished run may be evaluated, for any counts. */
class RunReadinessPropertiesTest {

  private static final double COVERAGE = 0.98;

  @Property
  void aRunWithAnAnnouncedCountIsCompleteExactlyWhenThatManyAreStored(
      @ForAll @LongRange(min = 0, max = 5000) long announced,
      @ForAll @LongRange(min = 0, max = 6000) long stored,
      @ForAll boolean quiet,
      @ForAll boolean overdue) {
    Verdict verdict =
        RunReadiness.of(run(announced, announced), stored, quiet, overdue, COVERAGE).verdict();
    if (stored >= announced) {
      assertThat(verdict).isEqualTo(Verdict.COMPLETE);
    } else {
      assertThat(verdict)
          .as("the settle time never evaluates a run whose announced captures are missing")
          .isEqualTo(overdue ? Verdict.INCOMPLETE : Verdict.WAIT);
    }
  }

  @Property
  void anOlderProbesRunFallsBackToTheSettleRuleAndIsIncompleteBelowTheCoverage(
      @ForAll @LongRange(min = 1, max = 5000) long requests,
      @ForAll @LongRange(min = 0, max = 6000) long stored,
      @ForAll boolean quiet) {
    Verdict verdict =
        RunReadiness.of(run(requests, null), stored, quiet, false, COVERAGE).verdict();
    if (stored < requests && !quiet) {
      assertThat(verdict).isEqualTo(Verdict.WAIT);
    } else if (stored < requests * COVERAGE) {
      assertThat(verdict).isEqualTo(Verdict.INCOMPLETE);
    } else {
      assertThat(verdict).isEqualTo(Verdict.COMPLETE);
    }
  }

  private static ProbeRun run(long requests, Long announced) {
    return new ProbeRun(
        UUID.randomUUID(),
        "sweep",
        List.of("pokemon"),
        null,
        null,
        "completed",
        requests,
        null,
        null,
        announced);
  }
}
