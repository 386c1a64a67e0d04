package systems.rala.runtime.control.rules;

/**
 * GreenLight's smoothed proportional controller (Katzin 2021 thesis Eq. 4.4; GreenLight {@code proportionalControl}): a
 * logistic sigmoid that moves from {@code lo} to {@code hi} across a P-band.
 *
 * <pre>
 * pc(x, sp, pBand, lo, hi) = lo + (hi − lo) / (1 + exp(−(2/pBand)·ln(100)·(x − sp − pBand/2)))
 * </pre>
 *
 * <p>At {@code x = sp} the output has moved 1/101 (≈ 1 %) of the way from {@code lo} to {@code hi}, at {@code sp +
 * pBand/2} half-way, at {@code sp + pBand} 100/101 (≈ 99 %). A negative band therefore acts as {@code x} falls below
 * {@code sp}. The output never reaches {@code lo} or {@code hi} exactly for finite arguments, and it is finite for all
 * finite arguments ({@code exp} overflows to infinity, giving {@code lo}).
 */
public final class ProportionalControl {

    private static final double LN_100 = Math.log(100.0);

    private ProportionalControl() {}

    /** The controller output for measurement {@code x}, set-point {@code sp}, non-zero {@code pBand}. */
    public static double pc(double x, double sp, double pBand, double lo, double hi) {
        return lo + (hi - lo) / (1.0 + Math.exp(-(2.0 / pBand) * LN_100 * (x - sp - pBand / 2.0)));
    }
}
