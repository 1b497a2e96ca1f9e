package io.pokeapi.observability.load.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Arrival-rate pacing: the intended send times follow the rate schedule whatever the server does,
 * and shares of a run (event loops, replicas) together send exactly the whole schedule.
 */
class ArrivalClockTest {

  private static final long S = 1_000_000_000L;

  @Test
  void aConstantRateSpacesArrivalsEvenlyFromTheStart() {
    LoadSchedule schedule = LoadSchedule.constant(200, 0, 3 * S);
    ArrivalClock clock = new ArrivalClock(schedule, 1, 0);

    List<Long> times = drain(clock);

    assertThat(times).hasSize(600);
    for (int k = 0; k < times.size(); k++) {
      assertThat(times.get(k)).isBetween(k * 5_000_000L - 1, k * 5_000_000L + 1);
    }
  }

  @Test
  void aRampFromZeroSendsItsFirstArrivalsSparselyThenDensely() {
    // 0 -> 100 requests/s over 10 s: 500 arrivals; the k-th at sqrt(2k/10) s
    LoadSchedule schedule = LoadSchedule.of(0, 0, new long[] {10 * S}, new double[] {100});
    List<Long> times = drain(new ArrivalClock(schedule, 1, 0));

    assertThat(times).hasSize(500);
    for (int k : new int[] {1, 10, 100, 499}) {
      double expected = Math.sqrt(2.0 * k / 10) * S;
      assertThat((double) times.get(k)).isBetween(expected - 1000, expected + 1000);
    }
    int firstSecond = (int) times.stream().filter(t -> t < S).count();
    int lastSecond = (int) times.stream().filter(t -> t >= 9 * S).count();
    assertThat(firstSecond).isEqualTo(5);
    assertThat(lastSecond).isEqualTo(95);
  }

  @Test
  void aStageAtRateZeroSendsNothingAndTheNextStartsOnTime() {
    LoadSchedule schedule =
        LoadSchedule.of(10, 0, new long[] {S, 2 * S, S}, new double[] {10, 0, 0});
    List<Long> times = drain(new ArrivalClock(schedule, 1, 0));
    // 10 in the first second, 10 in the ramp down 10 -> 0 over 2 s, none at 0
    assertThat(times).hasSize(20);
    assertThat(times.get(19)).isLessThan(3 * S);
  }

  @Property(tries = 150)
  void arrivalsBeforeAnyTimeMatchTheScheduleIntegralAndNeverGoBackwards(
      @ForAll("rates") List<Integer> targets, @ForAll @IntRange(min = 0, max = 500) int start) {
    long[] lengths = new long[targets.size()];
    double[] rates = new double[targets.size()];
    for (int i = 0; i < targets.size(); i++) {
      lengths[i] = (1 + (i % 3)) * S / 2;
      rates[i] = targets.get(i);
    }
    LoadSchedule schedule = LoadSchedule.of(start, 0, lengths, rates);
    List<Long> times = drain(new ArrivalClock(schedule, 1, 0));

    for (int i = 1; i < times.size(); i++) {
      assertThat(times.get(i)).isGreaterThanOrEqualTo(times.get(i - 1));
    }
    for (long t = 0; t <= schedule.endNanos(); t += S / 4) {
      final long at = t;
      long sent = times.stream().filter(x -> x < at).count();
      double expected = schedule.cumulative(at);
      assertThat((double) sent).isBetween(expected - 1.0001, expected + 1.0001);
    }
    assertThat((double) times.size())
        .isBetween(
            schedule.cumulative(schedule.endNanos()) - 1.0001,
            schedule.cumulative(schedule.endNanos()) + 1.0001);
  }

  @Property(tries = 100)
  void sharesTogetherSendTheWholeSchedulesArrivals(
      @ForAll("rates") List<Integer> targets, @ForAll @IntRange(min = 1, max = 6) int shares) {
    long[] lengths = new long[targets.size()];
    double[] rates = new double[targets.size()];
    for (int i = 0; i < targets.size(); i++) {
      lengths[i] = S;
      rates[i] = targets.get(i);
    }
    LoadSchedule schedule = LoadSchedule.of(rates[0], 0, lengths, rates);
    int whole = drain(new ArrivalClock(schedule, 1, 0)).size();

    List<Long> merged = new ArrayList<>();
    for (int j = 0; j < shares; j++) {
      merged.addAll(drain(new ArrivalClock(schedule, 1.0 / shares, (double) j / shares)));
    }

    assertThat(merged.size()).isBetween(whole - shares, whole + shares);
    // in every second the shares together send what the schedule asks, within one per share
    for (int second = 0; second < targets.size(); second++) {
      long from = second * S;
      long to = from + S;
      long together = merged.stream().filter(t -> t >= from && t < to).count();
      double expected = schedule.cumulative(to) - schedule.cumulative(from);
      assertThat((double) together).isBetween(expected - shares - 1, expected + shares + 1);
    }
  }

  @Provide
  Arbitrary<List<Integer>> rates() {
    return Arbitraries.integers().between(0, 2_000).list().ofMinSize(1).ofMaxSize(6);
  }

  private static List<Long> drain(ArrivalClock clock) {
    List<Long> times = new ArrayList<>();
    for (long t = clock.next(); t != ArrivalClock.NONE; t = clock.next()) {
      times.add(t);
    }
    return times;
  }
}
