package systems.rala.twin.calibration;

/**
 * Goodness of fit of a simulated series against a reference (measured or another simulator's), the
 * statistics model validation and calibration report. With e_i = sim_i − ref_i, n points and ref̄ the mean
 * of the reference:
 *
 * <ul>
 *   <li>{@code rmse} = √(Σe²/n), in the variable's unit;
 *   <li>{@code rrmse} = rmse / |ref̄| (Vanthoor 2011's relative RMSE, as a fraction);
 *   <li>{@code bias} = Σe/n, the mean error;
 *   <li>{@code nse} = 1 − Σe² / Σ(ref − ref̄)², Nash &amp; Sutcliffe (1970), J. Hydrology 10:282–290;
 *   <li>{@code cvRmse} = √(Σe²/(n − p)) / ref̄ and {@code nmbe} = Σ(ref − sim)/((n − p) ref̄), ASHRAE
 *       Guideline 14-2014 eqs. 5-10 and 5-11 (with p = 1 for calibration against the same data, 0 otherwise).
 * </ul>
 *
 * @param n number of points
 * @param rmse root mean square error
 * @param rrmse relative root mean square error (fraction)
 * @param bias mean error sim − ref
 * @param nse Nash–Sutcliffe efficiency
 * @param cvRmse coefficient of variation of the RMSE (fraction)
 * @param nmbe normalised mean bias error (fraction; positive when the simulation is low, as in Guideline 14)
 */
public record FitMetrics(int n, double rmse, double rrmse, double bias, double nse, double cvRmse, double nmbe) {

    /** The metrics of {@code sim} against {@code ref} (same length), with {@code p} fitted parameters for Guideline 14. */
    public static FitMetrics of(double[] sim, double[] ref, int p) {
        if (sim.length != ref.length) {
            throw new IllegalArgumentException(
                    "series lengths differ: " + sim.length + " simulated, " + ref.length + " reference");
        }
        int n = sim.length;
        if (n <= p || n < 2) {
            throw new IllegalArgumentException("need more than " + Math.max(p, 1) + " points, got " + n);
        }
        double meanRef = 0;
        for (double r : ref) {
            meanRef += r;
        }
        meanRef /= n;
        double se = 0;
        double sum = 0;
        double var = 0;
        for (int i = 0; i < n; i++) {
            double e = sim[i] - ref[i];
            se += e * e;
            sum += e;
            double dv = ref[i] - meanRef;
            var += dv * dv;
        }
        double rmse = Math.sqrt(se / n);
        return new FitMetrics(
                n,
                rmse,
                rmse / Math.abs(meanRef),
                sum / n,
                var > 0 ? 1 - se / var : Double.NaN,
                Math.sqrt(se / (n - p)) / meanRef,
                -sum / ((n - p) * meanRef));
    }
}
