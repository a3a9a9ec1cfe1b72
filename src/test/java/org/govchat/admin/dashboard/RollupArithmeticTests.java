package org.govchat.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The sketches and histograms the rollups keep: how close their answers are to the exact ones. */
class RollupArithmeticTests {

    @Test
    void smallNumbersOfCitizensAreCountedExactly() {
        var sketch = new CitizenSketch();
        for (int i = 0; i < 50; i++) {
            sketch.add("citizen-" + (i % 17));
        }
        assertThat(sketch.estimate()).isEqualTo(17);
        assertThat(new CitizenSketch().estimate()).isZero();
    }

    @Test
    void manyCitizensAreCountedWithinThreePercentAndDaysMergeIntoTheirUnion() {
        var monday = new CitizenSketch();
        var tuesday = new CitizenSketch();
        for (int i = 0; i < 60_000; i++) {
            monday.add("citizen-" + i);
            tuesday.add("citizen-" + (i + 30_000)); // half of them came back
        }
        assertThat((double) monday.estimate()).isCloseTo(60_000, within(1_800.0));
        var both = CitizenSketch.of(monday.bytes()).merge(tuesday);
        assertThat((double) both.estimate()).isCloseTo(90_000, within(2_700.0));
        assertThat(CitizenSketch.of(both.bytes()).estimate()).isEqualTo(both.estimate());
    }

    @Test
    void percentilesAreWithinFivePercentOfTheExactValue() {
        var histogram = new int[LatencyHistogram.BUCKETS];
        for (int ms = 1; ms <= 1000; ms++) {
            histogram[LatencyHistogram.bucketOf(ms)]++;
        }
        assertThat(LatencyHistogram.count(histogram)).isEqualTo(1000);
        assertThat((double) LatencyHistogram.percentile(histogram, 0.5)).isCloseTo(500, within(25.0));
        assertThat((double) LatencyHistogram.percentile(histogram, 0.95)).isCloseTo(950, within(47.5));
        assertThat(LatencyHistogram.percentile(new int[LatencyHistogram.BUCKETS], 0.5))
                .isNull();
        assertThat(LatencyHistogram.bucketOf(0)).isZero();
        assertThat(LatencyHistogram.bucketOf(Integer.MAX_VALUE)).isEqualTo(LatencyHistogram.BUCKETS - 1);
    }

    @Test
    void histogramsOfDifferentDaysAddUp() {
        var a = new int[LatencyHistogram.BUCKETS];
        var b = new int[LatencyHistogram.BUCKETS];
        a[LatencyHistogram.bucketOf(100)] = 3;
        b[LatencyHistogram.bucketOf(100)] = 2;
        b[LatencyHistogram.bucketOf(5000)] = 1;
        var sum = LatencyHistogram.add(a, b);
        assertThat(LatencyHistogram.count(sum)).isEqualTo(6);
        assertThat(LatencyHistogram.add(new int[0], sum)).containsExactly(sum);
    }
}
