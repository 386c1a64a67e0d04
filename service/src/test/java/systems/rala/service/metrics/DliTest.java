package systems.rala.service.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import systems.rala.service.timeseries.TimeSeriesStore.Sample;

class DliTest {

    static final long DAY = 86_400_000L;
    static final long BUCKET = 300_000L;

    /** One 5-minute mean per bucket, the value of {@code par} at the bucket's middle (ms from midnight). */
    private static List<Sample> means(LongToDoubleFunction par, long skipFrom, long skipTo) {
        List<Sample> out = new ArrayList<>();
        for (long start = 0; start < DAY; start += BUCKET) {
            long mid = start + BUCKET / 2;
            if (mid < skipFrom || mid >= skipTo) {
                out.add(new Sample(start, par.applyAsDouble(mid)));
            }
        }
        return out;
    }

    @Test
    void aConstantFluxGivesFluxTimesTheDay() {
        // 500 µmol m⁻² s⁻¹ for 86 400 s = 43.2e6 µmol m⁻² = 43.2 mol m⁻²
        assertThat(Dli.molPerM2(means(t -> 500, 0, 0), 0, DAY, BUCKET)).isCloseTo(43.2, within(1e-9));
    }

    @Test
    void aTriangleOnTheSamplesIsIntegratedExactly() {
        // 0 until 06:02:30, up to 1000 at 12:02:30, down to 0 at 18:02:30: ½ × 1000 × 43 200 s = 21.6 mol m⁻²
        long peak = 12 * 3_600_000L + 150_000;
        LongToDoubleFunction triangle = t -> Math.max(0, 1000 * (1 - Math.abs(t - peak) / 21_600_000.0));
        assertThat(Dli.molPerM2(means(triangle, 0, 0), 0, DAY, BUCKET)).isCloseTo(21.6, within(1e-9));
    }

    @Test
    void negativeNightReadingsCountAsDarkness() {
        assertThat(Dli.molPerM2(means(t -> -3, 0, 0), 0, DAY, BUCKET)).isZero();
    }

    @Test
    void shortSilencesAreBridgedAndLongOnesLeaveTheDayWithoutAValue() {
        // 11 means missing around noon of a constant 500: neighbours 1 h apart, bridged, nothing lost
        assertThat(Dli.molPerM2(means(t -> 500, 43_200_000, 46_500_000), 0, DAY, BUCKET))
                .isCloseTo(43.2, within(1e-9));
        // 24 means missing: neighbours 2 h 05 min apart, not bridged; 78 900 s covered (over 90 % of the day):
        // the covered part only, 500 × 78 900 s
        Double partial = Dli.molPerM2(means(t -> 500, 36_000_000, 43_200_000), 0, DAY, BUCKET);
        assertThat(partial).isCloseTo(500 * (86_400 - 7_500) / 1e6, within(1e-9));
        // 36 means missing: 3 h 05 min not covered, under 90 % of the day, no DLI
        assertThat(Dli.molPerM2(means(t -> 500, 36_000_000, 46_800_000), 0, DAY, BUCKET))
                .isNull();
        assertThat(Dli.molPerM2(List.of(), 0, DAY, BUCKET)).isNull();
    }
}
