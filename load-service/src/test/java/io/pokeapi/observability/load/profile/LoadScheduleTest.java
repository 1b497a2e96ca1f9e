package io.pokeapi.observability.load.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The stage schedule: users (or rates) move linearly from stage to stage, as k6 stages do. */
class LoadScheduleTest {

  private static final long S = 1_000_000_000L;

  @Test
  void theOriginalPresetRampsTenToFiftyUsersOverThirtySecondsThenHoldsAMinute() {
    LoadPlan plan =
        LoadPlan.of(Presets.named(Presets.ORIGINAL, "http://127.0.0.1:1").orElseThrow());

    LoadSchedule schedule = plan.schedule();

    assertThat(plan.model()).isEqualTo(LoadModel.CLOSED);
    assertThat(schedule.valueAt(0)).isEqualTo(10.0);
    assertThat(schedule.valueAt(15 * S)).isCloseTo(30.0, within(1e-9));
    assertThat(schedule.valueAt(30 * S)).isCloseTo(50.0, within(1e-9));
    assertThat(schedule.valueAt(60 * S)).isEqualTo(50.0);
    assertThat(schedule.valueAt(90 * S - 1)).isCloseTo(50.0, within(1e-9));
    assertThat(schedule.endNanos()).isEqualTo(90 * S);
    assertThat(schedule.peak()).isEqualTo(50.0);
    assertThat(plan.thinkMinNanos()).isEqualTo(S);
    assertThat(plan.thinkMaxNanos()).isEqualTo(3 * S);
    assertThat(plan.targets()).extracting(LoadPlan.Target::weight).containsExactly(3, 1, 1);
    assertThat(plan.endpoints()).containsExactly("pokemon", "type", "ability");
    assertThat(plan.targets().get(0).uris()).hasSize(151).first().isEqualTo("/pokemon/1");
    assertThat(plan.targets().get(1).uris()).hasSize(18).last().isEqualTo("/type/18");
  }

  @Test
  void aWarmupHoldsTheStartLevelBeforeTheStagesAndIsNotMeasured() {
    LoadSchedule schedule =
        LoadSchedule.of(4, 2 * S, new long[] {10 * S, 5 * S}, new double[] {24, 0});

    assertThat(schedule.warmupNanos()).isEqualTo(2 * S);
    assertThat(schedule.valueAt(S)).isEqualTo(4.0);
    assertThat(schedule.valueAt(7 * S)).isCloseTo(14.0, within(1e-9));
    assertThat(schedule.valueAt(12 * S)).isCloseTo(24.0, within(1e-9));
    assertThat(schedule.valueAt(14 * S + S / 2)).isCloseTo(12.0, within(1e-9));
    assertThat(schedule.endNanos()).isEqualTo(17 * S);
    // area: 2 s at 4, a ramp 4 -> 24 over 10 s, a ramp 24 -> 0 over 5 s
    assertThat(schedule.cumulative(17 * S)).isCloseTo(8 + 140 + 60, within(1e-6));
  }

  @Test
  void aPlainBaseUrlPathIsPrefixedToEveryRequest() {
    LoadPlan plan =
        LoadPlan.of(
            LoadProfile.builder(LoadModel.FIXED_CONNECTIONS)
                .baseUrl("https://example.org:8443/api/v2/")
                .requests(RequestSpec.of("/pokemon.json"))
                .connections(8)
                .duration(Duration.ofSeconds(3))
                .build());

    assertThat(plan.host()).isEqualTo("example.org");
    assertThat(plan.port()).isEqualTo(8443);
    assertThat(plan.ssl()).isTrue();
    assertThat(plan.targets().get(0).uris()).containsExactly("/api/v2/pokemon.json");
    assertThat(plan.endpoints()).containsExactly("pokemon.json");
    assertThat(plan.maxConnections()).isEqualTo(8);
    assertThat(plan.schedule().valueAt(S)).isEqualTo(8.0);
  }

  @Property(tries = 100)
  void atEachStageEndTheLevelIsThatStagesTargetAndBetweenItIsLinear(
      @ForAll("stages") List<Stage> stages, @ForAll("levels") double start) {
    long[] lengths = stages.stream().mapToLong(s -> s.duration().toNanos()).toArray();
    double[] targets = stages.stream().mapToDouble(Stage::target).toArray();
    LoadSchedule schedule = LoadSchedule.of(start, 0, lengths, targets);

    long t = 0;
    double previous = start;
    for (int i = 0; i < lengths.length; i++) {
      long mid = t + lengths[i] / 2;
      double expectedMid =
          previous + (targets[i] - previous) * ((double) (lengths[i] / 2) / lengths[i]);
      assertThat(schedule.valueAt(mid)).isCloseTo(expectedMid, within(1e-6));
      t += lengths[i];
      assertThat(schedule.valueAt(t - 1))
          .isCloseTo(targets[i], within(Math.abs(targets[i] - previous) * 1e-6 + 1e-6));
      previous = targets[i];
    }
    assertThat(schedule.endNanos()).isEqualTo(t);
    double area = 0;
    previous = start;
    for (int i = 0; i < lengths.length; i++) {
      area += (previous + targets[i]) / 2 * lengths[i] / 1e9;
      previous = targets[i];
    }
    assertThat(schedule.cumulative(t)).isCloseTo(area, within(1e-6 * Math.max(1, area)));
  }

  @Test
  void usersAreSplitSoThatTheSharesAlwaysSumToTheWhole() {
    for (int total = 0; total < 200; total++) {
      for (int count = 1; count <= 7; count++) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
          int share = Shares.split(total, i, count);
          assertThat(share).isBetween(total / count, total / count + 1);
          sum += share;
        }
        assertThat(sum).isEqualTo(total);
      }
    }
  }

  @Provide
  Arbitrary<List<Stage>> stages() {
    Arbitrary<Stage> stage =
        Combinators.combine(
                Arbitraries.longs().between(1, 120_000), Arbitraries.integers().between(0, 5_000))
            .as((ms, target) -> new Stage(Duration.ofMillis(ms), (double) target));
    return stage.list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<Double> levels() {
    return Arbitraries.integers().between(0, 5_000).map(Integer::doubleValue);
  }
}
