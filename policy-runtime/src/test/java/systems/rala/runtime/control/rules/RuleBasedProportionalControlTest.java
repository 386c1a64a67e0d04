package systems.rala.runtime.control.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static systems.rala.runtime.control.rules.ProportionalControl.pc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GreenLight's {@code proportionalControl} (controls.md §1; Katzin 2021 thesis Eq. 4.4). By its definition the logistic
 * argument at {@code x = sp} is {@code −(2/pBand)·ln 100·(−pBand/2) = ln 100}, so the output has moved {@code 1/(1 + 100)
 * = 1/101} of the way from lo to hi; at {@code sp + pBand/2} the argument is 0 (half-way); at {@code sp + pBand} it is
 * {@code −ln 100}, i.e. {@code 100/101} of the way. These are the "1 %, 50 %, 99 %" of the P-band.
 */
class RuleBasedProportionalControlTest {

    @ParameterizedTest(name = "sp {0}, band {1}, lo {2}, hi {3}")
    @CsvSource({
        "19.5, -1, 0, 1", // uBoil
        "24.5, 4, 0, 1", // ventHeat
        "18.5, -1, 1, 0", // ventCold (closing action)
        "87, 50, 0, 1", // ventRh
        "85, 10, 1, 0", // thScrRh
        "1000, -100, 0, 1" // uExtCo2
    })
    void onePercentAtSetPointHalfAtMidBandNinetyNineAtFullBand(double sp, double band, double lo, double hi) {
        assertThat(pc(sp, sp, band, lo, hi)).isCloseTo(lo + (hi - lo) / 101.0, within(1e-12));
        assertThat(pc(sp + band / 2, sp, band, lo, hi)).isCloseTo(lo + (hi - lo) * 0.5, within(1e-12));
        assertThat(pc(sp + band, sp, band, lo, hi)).isCloseTo(lo + (hi - lo) * 100.0 / 101.0, within(1e-12));
    }

    @ParameterizedTest(name = "band {0}")
    @CsvSource({"-1", "4", "-100"})
    void saturatesWithoutNaNFarOutsideTheBand(double band) {
        // exp overflows to +∞ on one side (output lo) and underflows to 0 on the other (output hi)
        for (double x : new double[] {-1e300, -1e6, 1e6, 1e300}) {
            double u = pc(x, 0, band, 0, 1);
            assertThat(u).isBetween(0.0, 1.0);
        }
        assertThat(pc(-1e6, 0, band, 0, 1) + pc(1e6, 0, band, 0, 1)).isEqualTo(1.0);
    }
}
