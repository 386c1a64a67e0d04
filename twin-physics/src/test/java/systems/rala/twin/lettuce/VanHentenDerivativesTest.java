package systems.rala.twin.lettuce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import systems.rala.twin.weather.WeatherVariable;

/**
 * The right-hand side and single benchmark steps against the test vectors of the research notes {@code
 * checks.md} section 2. Those were computed by an independent numpy implementation of the benchmark (written
 * from the six public implementations, not from RALA code), which reproduces the pinned benchmark returns to
 * 1e-14. They are printed to 13 significant digits; the notes suggest comparing per-step values to a relative
 * 1e-9, which leaves room for the different order of floating-point operations (a few ulps per term) and is
 * still far below any modelling difference (the smallest, a single RK4 step instead of four, changes the state
 * by 4e-5 relative).
 */
class VanHentenDerivativesTest {

    /** Relative tolerance of per-step values: checks.md, "Suggested test tolerances". */
    private static final double STEP = 1e-9;

    private final VanHentenLettuce model = new VanHentenLettuce();

    // Point A (night): x0, u0 = [0, 0, 50], weather 400 ppm and 80 % RH at 5 C, no light
    private final double[] xA = {0.0035, 1.0e-3, 15.0, 0.008};
    private final double[] uA = {0.0, 0.0, 50.0};
    private final double[] dA = BenchmarkStep.weather(0.0, 5.0, 400.0, 80.0);

    // Point B (day): 800 ppm and 75 % RH at 18 C inside; 400 ppm and 70 % RH at 10 C outside, 300 W/m2
    private final double[] xB = {
        0.05, LettuceUnits.co2Density(800.0, 18.0), 18.0, LettuceUnits.vapourDensity(75.0, 18.0)
    };
    private final double[] uB = {0.6, 2.0, 40.0};
    private final double[] dB = BenchmarkStep.weather(300.0, 10.0, 400.0, 70.0);

    @Test
    void initialStateIsTheBenchmarks() {
        double[] x = new double[4];
        model.initialState(x);
        assertThat(x).containsExactly(xA);
        // checks.md section 2 / benchmark.md section 2: the reset observation shows 537.26 ppm and 62.64 % RH
        assertThat(model.indoorCo2Ppm(x)).isCloseTo(537.2602140857, withinPercentage(1e-9));
        assertThat(model.indoorRelativeHumidity(x)).isCloseTo(62.64395005308, withinPercentage(1e-9));
    }

    @Test
    void weatherIsConvertedAsTheBenchmarkConvertsIt() {
        // checks.md section 2: vA and vB in model units
        assertThat(model.outdoorCo2Density(dA)).isCloseTo(7.712849731992e-4, withinPercentage(1e-9));
        assertThat(model.outdoorVapourDensity(dA)).isCloseTo(5.427920987391e-3, withinPercentage(1e-9));
        assertThat(model.outdoorCo2Density(dB)).isCloseTo(7.576652491448e-4, withinPercentage(1e-9));
        assertThat(model.outdoorVapourDensity(dB)).isCloseTo(6.558845997162e-3, withinPercentage(1e-9));
        // xB as printed in checks.md
        assertThat(xB[1]).isCloseTo(1.473693390317e-03, withinPercentage(1e-9));
        assertThat(xB[3]).isCloseTo(1.146471089370e-02, withinPercentage(1e-9));
    }

    @Test
    void derivativesAtNightPointA() {
        double[] f = new double[4];
        model.derivatives(0.0, xA, uA, dA, f);
        assertClose(f, new double[] {-4.6375e-10, -2.105152929283e-10, -3.666666666667e-04, 4.268921580800e-07});
        // by hand (checks.md section 2): no light, so no photosynthesis; r(15 C) = 1/2
        assertThat(f[0]).isCloseTo(-2.65e-7 * 0.0035 * 0.5, withinPercentage(1e-12));
        assertThat(f[2]).isCloseTo((50 - 6.1 * (15 - 5)) / 30000.0, withinPercentage(1e-12));
    }

    @Test
    void derivativesInDaylightPointB() {
        double[] f = new double[4];
        model.derivatives(0.0, xB, uB, dB, f);
        assertClose(f, new double[] {3.754065998870e-07, -3.725649338047e-07, 1.018666666667e-03, -1.097517666799e-06});
    }

    /**
     * The weather converted once (checks.md vB in model units) and passed to {@link
     * VanHentenLettuce#derivativesInModelUnits}: the same numbers bit for bit as {@link
     * VanHentenLettuce#derivatives} converting the sample itself.
     */
    @Test
    void derivativesInModelUnitsAreTheSame() {
        for (double[][] p : new double[][][] {{xA, uA, dA}, {xB, uB, dB}}) {
            double[] viaSample = new double[4];
            model.derivatives(0.0, p[0], p[1], p[2], viaSample);
            double[] direct = new double[4];
            double[] d = p[2];
            model.derivativesInModelUnits(
                    p[0],
                    p[1],
                    d[WeatherVariable.GLOBAL_RADIATION.ordinal()],
                    model.outdoorCo2Density(d),
                    d[WeatherVariable.AIR_TEMPERATURE.ordinal()],
                    model.outdoorVapourDensity(d),
                    direct);
            assertThat(direct).containsExactly(viaSample);
        }
        double[] f = new double[4];
        model.derivativesInModelUnits(xB, uB, 300.0, 7.576652491448e-4, 10.0, 6.558845997162e-3, f);
        assertClose(f, new double[] {3.754065998870e-07, -3.725649338047e-07, 1.018666666667e-03, -1.097517666799e-06});
    }

    @Test
    void oneBenchmarkStepFromPointA() {
        double[] x = xA.clone();
        new BenchmarkStep(model).step(x, uA, dA);
        assertClose(x, new double[] {3.499182087432e-03, 9.996141571669e-04, 1.444730042190e+01, 8.625918626137e-03});
    }

    @Test
    void oneBenchmarkStepFromPointB() {
        double[] x = xB.clone();
        new BenchmarkStep(model).step(x, uB, dB);
        assertClose(x, new double[] {5.063773089062e-02, 1.040832705589e-03, 1.942925758518e+01, 1.117286443243e-02});
        // checks.md: g(xB) = [0.05, 800, 18, 75]
        assertThat(model.indoorCo2Ppm(xB)).isCloseTo(800.0, within(1e-9));
        assertThat(model.indoorRelativeHumidity(xB)).isCloseTo(75.0, within(1e-9));
    }

    @Test
    void halfStepAndSingleRk4StepFromPointB() {
        BenchmarkStep stepper = new BenchmarkStep(model);
        double[] x = xB.clone();
        stepper.integrate(x, uB, dB, 900.0, 4); // F_900 in checks.md: 4 sub-steps of 225 s
        assertClose(x, new double[] {5.032775354951e-02, 1.206438580580e-03, 1.880715276710e+01, 1.105440724857e-02});
        x = xB.clone();
        stepper.integrate(x, uB, dB, 1800.0, 1); // not the benchmark: one RK4 step of 1800 s
        assertClose(x, new double[] {5.063584902667e-02, 1.045311327228e-03, 1.942822714672e+01, 1.174431991339e-02});
    }

    /** checks.md section 1: the transpiration target of eq. 10 with c_v,1 = 9348 (7 digits printed). */
    @ParameterizedTest(name = "x_h,sat*({0} C) = {1} kg/m3")
    @CsvSource({"0, 4.116304e-3", "10, 7.986840e-3", "15, 1.090318e-2", "20, 1.470109e-2", "25, 1.959173e-2"})
    void transpirationTarget(double tempC, double kgM3) {
        assertThat(model.transpirationTargetDensity(tempC)).isCloseTo(kgM3, withinPercentage(1e-4));
    }

    /** checks.md section 1: with c_v,1 = c_v,4 = 10 998 the same expression is within 0.8 % of saturation. */
    @ParameterizedTest(name = "with c_v,4 at {0} C: {1} kg/m3")
    @CsvSource({"0, 4.842866e-3", "10, 9.396584e-3", "15, 1.282769e-2", "20, 1.729596e-2", "25, 2.304983e-2"})
    void transpirationTargetWithTheSaturationCoefficient(double tempC, double kgM3) {
        VanHentenLettuce saturating =
                new VanHentenLettuce(VanHentenLettuce.defaultParameters().with(VanHentenParameters.C_V_1, 10998.0));
        assertThat(saturating.transpirationTargetDensity(tempC)).isCloseTo(kgM3, withinPercentage(1e-4));
        assertThat(saturating.transpirationTargetDensity(tempC))
                .isCloseTo(LettuceUnits.vapourDensity(100.0, tempC), withinPercentage(0.8));
    }

    /** checks.md section 5: r(25) = 1, r(15) = 0.5, r(5) = 0.25 (Q10 = 2). */
    @Test
    void respirationDoublesPerTenDegrees() {
        assertThat(VanHentenLettuce.respirationFactor(25.0)).isEqualTo(1.0);
        assertThat(VanHentenLettuce.respirationFactor(15.0)).isEqualTo(0.5);
        assertThat(VanHentenLettuce.respirationFactor(5.0)).isEqualTo(0.25);
        // 2^(0.1 T - 2.5) evaluated as an exponential: within 2 ulps of Math.pow over the clamp range 5 to 40 C
        for (double t = 5.0; t <= 40.0; t += 0.01) {
            double pow = Math.pow(2.0, 0.1 * t - 2.5);
            assertThat(VanHentenLettuce.respirationFactor(t)).isCloseTo(pow, within(2 * Math.ulp(pow)));
        }
    }

    @Test
    void measuredHumidityIsCappedAtSaturation() {
        double[] x = {0.01, 1e-3, 12.0, LettuceUnits.vapourDensity(107.0, 12.0)};
        assertThat(model.indoorRelativeHumidity(x)).isCloseTo(107.0, within(1e-9));
        assertThat(model.measuredRelativeHumidity(x)).isEqualTo(100.0);
        assertThat(model.measuredRelativeHumidity(xB)).isCloseTo(75.0, within(1e-9));
    }

    @Test
    void noLightAtTheCompensationPointIsNotNaN() {
        // the 0/0 of eq. 6 (notes model.md, "Numerical notes"): photosynthesis is 0, the rest is finite
        double[] x = {0.01, 5.2e-5, 15.0, 0.008};
        double[] f = new double[4];
        model.derivatives(0.0, x, uA, dA, f);
        assertThat(f).doesNotContain(Double.NaN);
        assertThat(f[0]).isCloseTo(-2.65e-7 * 0.01 * 0.5, withinPercentage(1e-12));
    }

    @Test
    void derivativesAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] f = new double[4];
        double sink = 0;
        for (int i = 0; i < 200_000; i++) { // warm up so the JIT has compiled the call
            model.derivatives(0.0, xB, uB, dB, f);
            sink += f[0];
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            model.derivatives(0.0, xB, uB, dB, f);
            sink += f[0];
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(sink).isFinite();
        // 100 000 calls: one 16-byte object per call would be 1.6 MB; allow a little for the measurement itself
        assertThat(allocated).isLessThan(10_000L);
    }

    private static void assertClose(double[] actual, double[] expected) {
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i])
                    .as("component %d", i)
                    .isCloseTo(expected[i], within(Math.abs(expected[i]) * STEP + 1e-300));
        }
    }
}
