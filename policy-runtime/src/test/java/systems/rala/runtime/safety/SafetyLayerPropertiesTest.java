package systems.rala.runtime.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property-based tests of {@link SafetyLayer}: for seeded random sequences of readings (NaN, infinities, implausible and
 * extreme values, values at and around every guard threshold), raw commands (NaN, ±Inf, huge, out of bounds, at the
 * thresholds) and tick intervals (0, tiny, NaN, negative, infinite, huge), on the greenhouse defaults and on random valid
 * configurations, every tick satisfies the guarantees listed in {@link SafetyLayer}'s documentation. An independent
 * model of the previous outputs and switch times checks the rate limits, hysteresis and minimum times.
 *
 * <p>A failure names the seed and the tick; {@link #sequence(long, boolean, int[])} replays it. The sequences are
 * plain seeded {@link SplittableRandom} draws, reproducible from the seed alone.
 */
class SafetyLayerPropertiesTest {

    private static final int SEQUENCES = 300;
    private static final int TICKS = 400;

    private static final int GUARDS = ReasonCode.mask(
            ReasonCode.OVER_TEMPERATURE, ReasonCode.FROST_GUARD, ReasonCode.HUMIDITY_GUARD, ReasonCode.CO2_CEILING);
    private static final int TICK_LEVEL =
            GUARDS | ReasonCode.mask(ReasonCode.READING_UNAVAILABLE, ReasonCode.INVALID_INTERVAL);

    private static final double[] SPECIAL = {
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        Double.MAX_VALUE,
        -Double.MAX_VALUE,
        1e300,
        -1e300,
        Double.MIN_VALUE,
        -0.0,
        0.0
    };

    @Test
    void greenhouseDefaultsHoldEveryGuaranteeOnAnySequence() {
        int[] seen = new int[ReasonCode.values().length];
        for (long seed = 0; seed < SEQUENCES; seed++) {
            sequence(seed, false, seen);
        }
        everyRuleWasExercised(seen);
    }

    @Test
    void randomConfigurationsHoldEveryGuaranteeOnAnySequence() {
        int[] seen = new int[ReasonCode.values().length];
        for (long seed = 0; seed < SEQUENCES; seed++) {
            sequence(seed, true, seen);
        }
        everyRuleWasExercised(seen);
    }

    /** The generators are strong enough: every reason code was recorded many times (a test of the test). */
    private static void everyRuleWasExercised(int[] seen) {
        for (ReasonCode code : ReasonCode.values()) {
            assertThat(seen[code.ordinal()])
                    .as("ticks or actuators with %s", code)
                    .isGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void theSameSequenceGivesTheSameOutputsAfterReset() {
        for (long seed = 0; seed < 50; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            SafetyConfig c = seed % 2 == 0 ? SafetyConfig.greenhouseDefaults() : randomConfig(r);
            Ticks ticks = new Ticks(c, new SplittableRandom(seed * 31 + 7), TICKS);
            SafetyLayer layer = new SafetyLayer(c);
            double[][] first = ticks.run(layer);
            layer.reset();
            double[][] second = ticks.run(layer);
            double[][] fresh = ticks.run(new SafetyLayer(c));
            assertThat(second).as("seed %d", seed).isDeepEqualTo(first);
            assertThat(fresh).as("seed %d", seed).isDeepEqualTo(first);
        }
    }

    /** One sequence of {@link #TICKS} ticks, checked tick by tick; counts the reason codes seen into {@code seen}. */
    static void sequence(long seed, boolean randomConfig, int[] seen) {
        SplittableRandom r = new SplittableRandom(seed);
        SafetyConfig c = randomConfig ? randomConfig(r) : SafetyConfig.greenhouseDefaults();
        Ticks ticks = new Ticks(c, r, TICKS);
        SafetyLayer layer = new SafetyLayer(c);
        Model model = new Model(c);
        double[] out = new double[c.actuators().size()];
        for (int k = 0; k < TICKS; k++) {
            SafetyResult result = layer.apply(ticks.readings[k], ticks.raw[k], ticks.dt[k], out);
            String where = "seed " + seed + (randomConfig ? " (random configuration)" : "") + ", tick " + k;
            model.check(where, ticks.readings[k], ticks.raw[k], ticks.dt[k], out, result);
            for (ReasonCode code : ReasonCode.values()) {
                boolean any = code.in(result.tickReasons());
                for (int i = 0; i < out.length; i++) {
                    any |= result.has(i, code);
                }
                seen[code.ordinal()] += any ? 1 : 0;
            }
        }
    }

    /** What the layer must have done, from the configuration and the outputs so far. */
    static final class Model {

        private final SafetyConfig c;
        private final List<ActuatorLimits> a;
        private final int n;
        private boolean started;
        private final double[] previous;
        private final double[] sinceSwitch;
        private final boolean[] heating;
        private final boolean[] vent;
        private final boolean[] co2;

        Model(SafetyConfig c) {
            this.c = c;
            a = c.actuators();
            n = a.size();
            previous = new double[n];
            sinceSwitch = new double[n];
            heating = new boolean[n];
            vent = new boolean[n];
            co2 = new boolean[n];
            for (int i = 0; i < n; i++) {
                heating[i] = c.heating().contains(a.get(i).name());
                vent[i] = c.vents().contains(a.get(i).name());
                co2[i] = c.co2Dosing().contains(a.get(i).name());
            }
        }

        // What the tick being checked was, for the failure message only (built when a property fails).
        private String where;
        private double[] readings;
        private double[] raw;
        private double dt;
        private SafetyResult result;
        private int actuator = -1;

        void check(String where, double[] readings, double[] raw, double dt, double[] out, SafetyResult r) {
            this.where = where;
            this.readings = readings;
            this.raw = raw;
            this.dt = dt;
            this.result = r;
            actuator = -1;
            boolean dtValid = dt >= 0 && dt < Double.POSITIVE_INFINITY;
            double edt = dtValid ? dt : 0;
            int tick = r.tickReasons();
            // Tick level: the interval, the readings, the guards' states against the readings.
            expect("INVALID_INTERVAL iff the interval is unusable", ReasonCode.INVALID_INTERVAL.in(tick) == !dtValid);
            expect("elapsed time used", r.elapsedS() == edt);
            expect("only tick-level codes per tick", (tick & ~TICK_LEVEL) == 0);
            double t = readings[SafetyLayer.AIR_TEMPERATURE];
            double rh = readings[SafetyLayer.AIR_RELATIVE_HUMIDITY];
            double co2ppm = readings[SafetyLayer.AIR_CO2];
            boolean tOk = t >= -50 && t <= 80;
            boolean rhOk = rh >= 0 && rh <= 100;
            boolean co2Ok = co2ppm >= 0 && co2ppm <= 10_000;
            int unavailable = (tOk ? 0 : 1) | (rhOk ? 0 : 2) | (co2Ok ? 0 : 4);
            expect("unavailable readings", r.unavailableReadings() == unavailable);
            expect(
                    "READING_UNAVAILABLE iff a reading is",
                    ReasonCode.READING_UNAVAILABLE.in(tick) == (unavailable != 0));
            if (tOk) {
                guard(
                        "over-temperature",
                        tick,
                        ReasonCode.OVER_TEMPERATURE,
                        t > c.overTemperatureTripC(),
                        t < c.overTemperatureReleaseC());
                guard("frost", tick, ReasonCode.FROST_GUARD, t < c.frostTripC(), t > c.frostReleaseC());
            }
            if (rhOk) {
                guard(
                        "humidity",
                        tick,
                        ReasonCode.HUMIDITY_GUARD,
                        rh > c.humidityTripPct(),
                        rh < c.humidityReleasePct());
            }
            if (co2Ok) {
                guard("CO2", tick, ReasonCode.CO2_CEILING, co2ppm > c.co2TripPpm(), co2ppm < c.co2ReleasePpm());
            }
            expect(
                    "over-temperature and frost never together",
                    !(ReasonCode.OVER_TEMPERATURE.in(tick) && ReasonCode.FROST_GUARD.in(tick)));

            for (int i = 0; i < n; i++) {
                ActuatorLimits l = a.get(i);
                actuator = i;
                double y = out[i];
                double x = raw[i];
                int why = r.reasons(i);
                // 1. Finite, within the hard bounds; on/off exactly off or on.
                expect("finite and within bounds", Double.isFinite(y) && y >= l.min() && y <= l.max());
                expect(
                        "the record holds what was sent",
                        r.safe(i) == y && Double.doubleToRawLongBits(r.raw(i)) == Double.doubleToRawLongBits(x));
                boolean onOff = l.kind() == ActuatorLimits.Kind.ON_OFF;
                if (onOff) {
                    expect("on/off output is min or max", y == l.min() || y == l.max());
                }
                // 2. A change has a reason.
                if (!(x == y)) {
                    expect("a changed command has a reason", why != 0);
                }
                expect("only actuator-level codes per actuator", !ReasonCode.INVALID_INTERVAL.in(why));
                boolean guarded = (why & GUARDS) != 0 || (co2[i] && ReasonCode.READING_UNAVAILABLE.in(why));
                boolean finite = Double.isFinite(x);
                double bounded = finite ? Math.max(l.min(), Math.min(l.max(), x)) : Double.NaN;

                // 5. Tripped guards hold on their actuators.
                if (vent[i]) {
                    if (ReasonCode.OVER_TEMPERATURE.in(tick)) {
                        expect("over-temperature: vent at max", y == l.max());
                    }
                    if (ReasonCode.FROST_GUARD.in(tick)) {
                        expect("frost: vent at min", y == l.min());
                    } else if (ReasonCode.HUMIDITY_GUARD.in(tick)) {
                        expect("humidity: vent at least the gap", y >= c.humidityVentMin());
                    }
                }
                if (heating[i]) {
                    if (ReasonCode.OVER_TEMPERATURE.in(tick)) {
                        expect("over-temperature: heating at min", y == l.min());
                    }
                    if (ReasonCode.FROST_GUARD.in(tick)) {
                        expect("frost: heating at least its level", y >= c.frostHeatingMin());
                    }
                }
                if (co2[i] && (ReasonCode.CO2_CEILING.in(tick) || !co2Ok)) {
                    expect("CO2 ceiling or missing CO2: dosing at min", y == l.min());
                }

                if (!started) {
                    // First tick: bounded (and thresholded) raw command, or the fall-back, unless a guard acts.
                    if (!guarded) {
                        double expected = !finite
                                ? (onOff ? l.min() : l.fallback())
                                : onOff ? (bounded >= l.onThreshold() ? l.max() : l.min()) : bounded;
                        expect("first tick: bounded command", y == expected);
                    }
                    sinceSwitch[i] = 0;
                    previous[i] = y;
                    continue;
                }
                if (!onOff) {
                    // 3. Rate limit, and nothing more than needed: the allowed value nearest the raw command.
                    if (!guarded) {
                        double target = finite ? bounded : previous[i];
                        if (l.maxRatePerS() != Double.POSITIVE_INFINITY) {
                            double step = l.maxRatePerS() * edt;
                            double lo = previous[i] - step;
                            double hi = previous[i] + step;
                            expect("within the rate limit", y >= lo && y <= hi);
                            target = Math.max(lo, Math.min(hi, target));
                        }
                        expect("the allowed value nearest the command", y == target);
                    }
                } else {
                    // 4. Hysteresis and minimum times.
                    boolean was = previous[i] == l.max();
                    boolean now = y == l.max();
                    double since = sinceSwitch[i] + edt;
                    boolean wantsOn = finite && bounded >= l.onThreshold();
                    boolean wantsOff = finite && bounded < l.offThreshold();
                    if (!guarded) {
                        if (!was && now) {
                            expect("switched on: command at or above the on threshold", wantsOn);
                            expect("switched on: minimum off time passed", since >= l.minOffS());
                        }
                        if (was && !now) {
                            expect("switched off: command below the off threshold", wantsOff);
                            expect("switched off: minimum on time passed", since >= l.minOnS());
                        }
                        if (!was && wantsOn && since >= l.minOffS()) {
                            expect("switches on when allowed", now);
                        }
                        if (was && wantsOff && since >= l.minOnS()) {
                            expect("switches off when allowed", !now);
                        }
                    }
                    sinceSwitch[i] = now != was ? 0 : since;
                }
                previous[i] = y;
            }
            started = true;
        }

        private void guard(String name, int tick, ReasonCode code, boolean trips, boolean releases) {
            if (trips) {
                expect(name + " trips beyond its trip value", code.in(tick));
            }
            if (releases) {
                expect(name + " is released beyond its release value", !code.in(tick));
            }
        }

        private void expect(String property, boolean holds) {
            if (!holds) {
                fail(property + " — " + describe());
            }
        }

        private String describe() {
            StringBuilder s = new StringBuilder(where)
                    .append(": readings ")
                    .append(java.util.Arrays.toString(readings))
                    .append(", dt ")
                    .append(dt)
                    .append(", tick ")
                    .append(ReasonCode.decode(result.tickReasons()));
            if (actuator >= 0) {
                int i = actuator;
                s.append("; ")
                        .append(a.get(i))
                        .append(": raw ")
                        .append(raw[i])
                        .append(", out ")
                        .append(result.safe(i))
                        .append(", previous ")
                        .append(started ? Double.toString(previous[i]) : "none")
                        .append(", reasons ")
                        .append(ReasonCode.decode(result.reasons(i)));
            }
            return s.toString();
        }
    }

    /** A random sequence of readings, raw commands and intervals for a configuration. */
    static final class Ticks {

        final double[][] readings;
        final double[][] raw;
        final double[] dt;

        Ticks(SafetyConfig c, SplittableRandom r, int count) {
            List<ActuatorLimits> a = c.actuators();
            readings = new double[count][];
            raw = new double[count][];
            dt = new double[count];
            double[] t = {20, 70, 800};
            double[][] near = {
                {c.overTemperatureTripC(), c.overTemperatureReleaseC(), c.frostTripC(), c.frostReleaseC(), -50, 80},
                {c.humidityTripPct(), c.humidityReleasePct(), 0, 100},
                {c.co2TripPpm(), c.co2ReleasePpm(), 0, 10_000}
            };
            double[][] span = {{-60, 90}, {-5, 105}, {-100, 11_000}};
            double[] u = new double[a.size()];
            for (int k = 0; k < count; k++) {
                double[] v = new double[3];
                for (int j = 0; j < 3; j++) {
                    // Readings persist (guards stay tripped for a while), drift, and now and then jump or fail.
                    int p = r.nextInt(20);
                    if (p == 0) {
                        v[j] = SPECIAL[r.nextInt(SPECIAL.length)];
                    } else if (p <= 3) {
                        double at = near[j][r.nextInt(near[j].length)];
                        v[j] = r.nextBoolean()
                                ? at
                                : at + (r.nextDouble() - 0.5) * 2 * Math.max(1e-9, 0.01 * Math.abs(at));
                    } else if (p <= 5) {
                        v[j] = span[j][0] + r.nextDouble() * (span[j][1] - span[j][0]);
                    } else {
                        double last = Double.isFinite(t[j]) ? t[j] : near[j][0];
                        v[j] = last + (r.nextDouble() - 0.5) * 0.02 * (span[j][1] - span[j][0]);
                    }
                    if (Double.isFinite(v[j]) && Math.abs(v[j]) < 1e6) {
                        t[j] = v[j];
                    }
                }
                readings[k] = v;

                double[] x = new double[a.size()];
                for (int i = 0; i < a.size(); i++) {
                    ActuatorLimits l = a.get(i);
                    double width = l.max() - l.min();
                    int p = r.nextInt(20);
                    if (p == 0) {
                        x[i] = SPECIAL[r.nextInt(SPECIAL.length)];
                    } else if (p <= 2) {
                        x[i] = r.nextBoolean()
                                ? l.min() - r.nextDouble() * width * 10
                                : l.max() + r.nextDouble() * width * 10;
                    } else if (p <= 4) {
                        double[] edges = l.kind() == ActuatorLimits.Kind.ON_OFF
                                ? new double[] {
                                    l.min(),
                                    l.max(),
                                    l.onThreshold(),
                                    l.offThreshold(),
                                    Math.nextDown(l.onThreshold()),
                                    Math.nextDown(l.offThreshold())
                                }
                                : new double[] {l.min(), l.max(), l.fallback()};
                        x[i] = edges[r.nextInt(edges.length)];
                    } else if (p <= 11) {
                        x[i] = u[i]; // the controller repeats itself
                    } else {
                        x[i] = l.min() + r.nextDouble() * width;
                    }
                    if (Double.isFinite(x[i]) && x[i] >= l.min() && x[i] <= l.max()) {
                        u[i] = x[i];
                    }
                }
                raw[k] = x;

                int p = r.nextInt(40);
                if (p == 0) {
                    double[] odd = {
                        Double.NaN,
                        -1,
                        -1e-9,
                        Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY,
                        Double.MAX_VALUE,
                        1e12,
                        -0.0
                    };
                    dt[k] = odd[r.nextInt(odd.length)];
                } else if (p <= 2) {
                    dt[k] = 0;
                } else if (p <= 6) {
                    dt[k] = r.nextDouble();
                } else {
                    dt[k] = 1 + r.nextInt(900);
                }
            }
        }

        double[][] run(SafetyLayer layer) {
            double[][] outs = new double[readings.length][];
            for (int k = 0; k < readings.length; k++) {
                outs[k] = new double[raw[k].length];
                layer.apply(readings[k], raw[k], dt[k], outs[k]);
            }
            return outs;
        }
    }

    /** A random valid configuration: 1–6 actuators of random kinds, scales and limits, random roles and guards. */
    static SafetyConfig randomConfig(SplittableRandom r) {
        SafetyConfig.Builder b = SafetyConfig.builder();
        int n = 1 + r.nextInt(6);
        List<ActuatorLimits> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double min = r.nextBoolean() ? 0 : -100 + 200 * r.nextDouble();
            double width = Math.pow(10, -3 + 6 * r.nextDouble());
            double max = min + width;
            ActuatorLimits l;
            if (r.nextInt(3) == 0) {
                double off = min + width * (0.01 + 0.98 * r.nextDouble());
                double on = off + (max - off) * r.nextDouble();
                l = ActuatorLimits.onOff("a" + i, "-")
                        .range(min, max)
                        .thresholds(on, off)
                        .minOnS(r.nextInt(4) == 0 ? 0 : 1800 * r.nextDouble())
                        .minOffS(r.nextInt(4) == 0 ? 0 : 1800 * r.nextDouble())
                        .build();
            } else {
                ActuatorLimits.Builder cb =
                        ActuatorLimits.continuous("a" + i, "-").range(min, max);
                int p = r.nextInt(10);
                if (p < 2) {
                    cb.noRateLimit();
                } else if (p == 2) {
                    cb.maxRatePerS(0);
                } else {
                    cb.maxRatePerS(width * Math.pow(10, -4 + 4 * r.nextDouble()));
                }
                if (r.nextBoolean()) {
                    cb.fallback(min + width * r.nextDouble());
                }
                l = cb.build();
            }
            all.add(l);
            b.actuator(l);
        }
        List<String> heating = new ArrayList<>();
        List<String> vents = new ArrayList<>();
        List<String> co2 = new ArrayList<>();
        for (ActuatorLimits l : all) {
            switch (r.nextInt(4)) {
                case 0 -> heating.add(l.name());
                case 1 -> vents.add(l.name());
                case 2 -> co2.add(l.name());
                default -> {}
            }
        }
        // Guard levels must lie within every actuator of their role: keep one actuator per role where ranges differ.
        double heatingMin = levelWithin(r, all, heating);
        double ventMin = levelWithin(r, all, vents);
        double otTrip = 20 + 40 * r.nextDouble();
        double otRelease = otTrip - 5 * r.nextDouble();
        double frostTrip = -10 + 25 * r.nextDouble();
        double frostRelease = Math.min(frostTrip + 5 * r.nextDouble(), Math.nextDown(otRelease));
        double rhTrip = 50 + 50 * r.nextDouble();
        double rhRelease = rhTrip - 10 * r.nextDouble();
        double co2Trip = 500 + 4500 * r.nextDouble();
        double co2Release = co2Trip - 500 * r.nextDouble();
        return b.heating(heating.toArray(String[]::new))
                .vents(vents.toArray(String[]::new))
                .co2Dosing(co2.toArray(String[]::new))
                .overTemperature(otTrip, otRelease)
                .frostGuard(frostTrip, frostRelease, heatingMin)
                .humidityGuard(rhTrip, rhRelease, ventMin)
                .co2Ceiling(co2Trip, co2Release)
                .build();
    }

    /** A level within the bounds of every named actuator; trims the names to the first when the bounds are disjoint. */
    private static double levelWithin(SplittableRandom r, List<ActuatorLimits> all, List<String> names) {
        if (names.isEmpty()) {
            return 0;
        }
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        for (ActuatorLimits l : all) {
            if (names.contains(l.name())) {
                lo = Math.max(lo, l.min());
                hi = Math.min(hi, l.max());
            }
        }
        if (lo > hi) {
            String first = names.get(0);
            names.clear();
            names.add(first);
            ActuatorLimits l =
                    all.stream().filter(x -> x.name().equals(first)).findFirst().orElseThrow();
            lo = l.min();
            hi = l.max();
        }
        return lo + (hi - lo) * r.nextDouble();
    }
}
