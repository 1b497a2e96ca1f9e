package io.pokeapi.observability.load.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Exact merging: latencies recorded by several recorders (event loops, replicas), read as
 * intervals, encoded for Kafka and added back, give the very histogram of recording them all in one
 * place: the same counts at every value, so the same percentiles, max and mean.
 */
class HistogramMergePropertiesTest {

  @Property(tries = 120)
  void mergingThePartsEqualsRecordingTheWhole(
      @ForAll("latencies") List<Long> values,
      @ForAll @IntRange(min = 1, max = 8) int parts,
      @ForAll @IntRange(min = 1, max = 5) int intervals) {
    Histogram whole = Histograms.create();
    SingleWriterRecorder[] recorders = new SingleWriterRecorder[parts];
    for (int p = 0; p < parts; p++) {
      recorders[p] = Histograms.recorder();
    }
    Histogram merged = Histograms.create();
    List<String> encoded = new ArrayList<>();
    Histogram[] recycled = new Histogram[parts];
    int perInterval = Math.max(1, values.size() / intervals);
    for (int i = 0; i < values.size(); i++) {
      long micros = values.get(i);
      whole.recordValue(micros);
      recorders[Math.floorMod(Long.hashCode(micros * 31 + i), parts)].recordValue(micros);
      if ((i + 1) % perInterval == 0) {
        for (int p = 0; p < parts; p++) {
          recycled[p] = recorders[p].getIntervalHistogram(recycled[p]);
          encoded.add(Histograms.encode(recycled[p]));
        }
      }
    }
    for (int p = 0; p < parts; p++) {
      encoded.add(Histograms.encode(recorders[p].getIntervalHistogram()));
    }
    for (String part : encoded) {
      merged.add(Histograms.decode(part));
    }

    assertThat(merged).isEqualTo(whole);
    assertThat(merged.getTotalCount()).isEqualTo(values.size());
    assertThat(Histograms.percentiles(merged)).isEqualTo(Histograms.percentiles(whole));
    for (double q : new double[] {50, 90, 95, 99, 99.9, 100}) {
      assertThat(merged.getValueAtPercentile(q)).isEqualTo(whole.getValueAtPercentile(q));
    }
  }

  @Property(tries = 40)
  void aDecodedHistogramIsTheEncodedOne(@ForAll("latencies") List<Long> values) {
    Histogram histogram = Histograms.create();
    values.forEach(histogram::recordValue);

    assertThat(Histograms.decode(Histograms.encode(histogram))).isEqualTo(histogram);
  }

  @Provide
  Arbitrary<List<Long>> latencies() {
    Arbitrary<Long> fast = Arbitraries.longs().between(1, 5_000);
    Arbitrary<Long> slow = Arbitraries.longs().between(5_000, Histograms.HIGHEST_MICROS);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, fast), net.jqwik.api.Tuple.of(1, slow))
        .list()
        .ofMinSize(0)
        .ofMaxSize(1_000);
  }
}
