package systems.rala.runtime.observation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import systems.rala.runtime.control.Point;

/**
 * Builds a policy's observation vector from named, timestamped readings in their own units.
 *
 * <p>Each observation component (a manifest {@link Point}: name, unit, bounds) gets a source when the
 * assembler is built, so a site that cannot feed a policy is refused before it runs, with every missing
 * source named:
 *
 * <ul>
 *   <li>a reading of the same name in the {@link ReadingStore}, converted from its unit ({@link Units}: °C or
 *       K, Pa/hPa/kPa, % or fraction, W m⁻² or µmol m⁻² s⁻¹ of PAR, ppm);
 *   <li>{@code hour_sin}, {@code hour_cos}, {@code year_sin}, {@code year_cos}: the site's local clock, as the
 *       environments compute them (2π·second of day/86,400 and 2π·(day of year − 1)/365.25);
 *   <li>{@code last_NAME}: the previous action's component {@code NAME} (the tick passes it);
 *   <li>{@code PREFIX_relative_humidity} [%] with no such reading: from {@code PREFIX_vapour_pressure} and
 *       {@code PREFIX_temperature} (RH = 100 e / e_s(T), {@link Units#saturationVapourPressure});
 *   <li>{@code PREFIX_vpd} [kPa] with no such reading: e_s(T) − e from {@code PREFIX_temperature} and {@code
 *       PREFIX_relative_humidity} or {@code PREFIX_vapour_pressure}.
 * </ul>
 *
 * <p>Every assembled value is checked: a reading never received is {@link Status#MISSING}, one older than
 * its maximum age {@link Status#STALE}, a non-finite one {@link Status#NOT_FINITE} — never a silent zero; the
 * slot then holds the component's midpoint only so that the array stays finite (or NaN, see {@link
 * Builder#unusableAsNaN()}), and {@link
 * Assembly#usable()} is false. A value beyond the manifest bounds by more than the margin (a fraction of the
 * bound range) is {@link Status#OUT_OF_RANGE}: the policy never saw such a value in training. Values are
 * clipped to the bounds, as the environments clip them. {@link #assemble} allocates nothing.
 */
public final class ObservationAssembler {

    /** What became of one observation component. */
    public enum Status {
        /** Assembled from fresh, finite readings within the training range. */
        OK,
        /** A reading it needs has never been received. */
        MISSING,
        /** A reading it needs is older than its maximum age. */
        STALE,
        /** A reading it needs is NaN or infinite. */
        NOT_FINITE,
        /** The value lies beyond the manifest bounds by more than the margin. */
        OUT_OF_RANGE
    }

    private enum Kind {
        READING,
        HOUR_SIN,
        HOUR_COS,
        YEAR_SIN,
        YEAR_COS,
        PREVIOUS_ACTION,
        RH_FROM_VP,
        VPD_FROM_RH,
        VPD_FROM_VP
    }

    private final List<Point> observations;
    private final ReadingStore store;
    private final Kind[] kind;
    /** Up to two store slots per component (the reading, or the temperature and the moisture reading). */
    private final int[] slotA;

    private final int[] slotB;
    /** Linear conversions of slot A and B values to the unit the computation needs. */
    private final double[] scaleA;

    private final double[] offsetA;
    private final double[] scaleB;
    private final double[] offsetB;
    /** Output scale of derived components (e.g. Pa → kPa). */
    private final double[] outScale;
    /** Maximum age per component [ms] (the older of its readings counts). */
    private final long[] maxAgeMillis;

    private final double margin;
    private final boolean unusableAsNaN;
    private final Assembly assembly;

    private ObservationAssembler(Builder b) {
        this.observations = List.copyOf(b.observations);
        this.store = b.store;
        int n = observations.size();
        kind = new Kind[n];
        slotA = new int[n];
        slotB = new int[n];
        scaleA = new double[n];
        offsetA = new double[n];
        scaleB = new double[n];
        offsetB = new double[n];
        outScale = new double[n];
        maxAgeMillis = new long[n];
        margin = b.margin;
        unusableAsNaN = b.unusableAsNaN;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Point p = observations.get(i);
            maxAgeMillis[i] = b.maxAges.getOrDefault(p.name(), b.defaultMaxAge).toMillis();
            outScale[i] = 1;
            try {
                resolve(i, p, b.actionNames);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "the site cannot feed the policy's observations:\n  " + String.join("\n  ", problems));
        }
        assembly = new Assembly(observations);
    }

    private void resolve(int i, Point p, List<String> actionNames) {
        String name = p.name();
        switch (name) {
            case "hour_sin" -> kind[i] = Kind.HOUR_SIN;
            case "hour_cos" -> kind[i] = Kind.HOUR_COS;
            case "year_sin" -> kind[i] = Kind.YEAR_SIN;
            case "year_cos" -> kind[i] = Kind.YEAR_COS;
            default -> {
                int s = store.slot(name);
                if (s >= 0) {
                    kind[i] = Kind.READING;
                    slotA[i] = s;
                    double[] c = conversionOrFail(name, store.unit(s), p.unit());
                    scaleA[i] = c[0];
                    offsetA[i] = c[1];
                } else if (name.startsWith("last_") && actionNames.contains(name.substring(5))) {
                    kind[i] = Kind.PREVIOUS_ACTION;
                    slotA[i] = actionNames.indexOf(name.substring(5));
                } else if (name.endsWith("relative_humidity")) {
                    String prefix = name.substring(0, name.length() - "relative_humidity".length());
                    kind[i] = Kind.RH_FROM_VP;
                    bindTemperatureAnd(i, prefix, prefix + "vapour_pressure", "Pa", name);
                    outScale[i] = conversionOrFail(name, "%", p.unit())[0];
                } else if (name.endsWith("vpd")) {
                    String prefix = name.substring(0, name.length() - "vpd".length());
                    if (store.slot(prefix + "relative_humidity") >= 0) {
                        kind[i] = Kind.VPD_FROM_RH;
                        bindTemperatureAnd(i, prefix, prefix + "relative_humidity", "%", name);
                    } else {
                        kind[i] = Kind.VPD_FROM_VP;
                        bindTemperatureAnd(i, prefix, prefix + "vapour_pressure", "Pa", name);
                    }
                    outScale[i] = conversionOrFail(name, "Pa", p.unit())[0];
                } else {
                    throw new IllegalArgumentException(name + " [" + p.unit() + "]: no reading of that name"
                            + (name.startsWith("last_") ? " and no action " + name.substring(5) : ""));
                }
            }
        }
    }

    private void bindTemperatureAnd(int i, String prefix, String other, String otherUnit, String name) {
        int t = store.slot(prefix + "temperature");
        int o = store.slot(other);
        if (t < 0 || o < 0) {
            throw new IllegalArgumentException(name + ": no reading of that name, and no " + prefix
                    + "temperature and " + other + " to derive it from"
                    + (t < 0 && o < 0 ? "" : " (" + (t < 0 ? prefix + "temperature" : other) + " is missing)"));
        }
        slotA[i] = t;
        double[] ct = conversionOrFail(prefix + "temperature", store.unit(t), "°C");
        scaleA[i] = ct[0];
        offsetA[i] = ct[1];
        slotB[i] = o;
        double[] co = conversionOrFail(other, store.unit(o), otherUnit);
        scaleB[i] = co[0];
        offsetB[i] = co[1];
    }

    private static double[] conversionOrFail(String name, String from, String to) {
        try {
            return Units.conversion(from, to);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    name + ": the site reads it in '" + from + "', the policy expects '" + to + "': " + e.getMessage());
        }
    }

    /** A builder for the components {@code observations} (in the policy's order) fed from {@code store}. */
    public static Builder builder(List<Point> observations, ReadingStore store) {
        return new Builder(observations, store);
    }

    /** The components, in order. */
    public List<Point> observations() {
        return observations;
    }

    /**
     * Assembles the observation at {@code nowMillis}.
     *
     * @param nowMillis the tick's time [ms since the epoch]
     * @param secondOfDay local standard time since midnight [s]
     * @param dayOfYear local day of year, 1–366
     * @param previousAction the previous action (for {@code last_*} components; may be null if none is used)
     * @param out receives one value per component, in the manifest's units, clipped to its bounds
     * @return the status of every component (the same object every call)
     */
    public Assembly assemble(long nowMillis, double secondOfDay, int dayOfYear, double[] previousAction, double[] out) {
        if (out.length != observations.size()) {
            throw new IllegalArgumentException(
                    "observation array has " + out.length + " places, the policy reads " + observations.size());
        }
        assembly.reset();
        for (int i = 0; i < out.length; i++) {
            Status st = Status.OK;
            double v;
            long oldest = nowMillis;
            switch (kind[i]) {
                case HOUR_SIN -> v = Math.sin(secondOfDay / 86_400.0 * 2 * Math.PI);
                case HOUR_COS -> v = Math.cos(secondOfDay / 86_400.0 * 2 * Math.PI);
                case YEAR_SIN -> v = Math.sin((dayOfYear - 1) / 365.25 * 2 * Math.PI);
                case YEAR_COS -> v = Math.cos((dayOfYear - 1) / 365.25 * 2 * Math.PI);
                case PREVIOUS_ACTION -> v = previousAction[slotA[i]];
                default -> {
                    long ta = store.time(slotA[i]);
                    double a = store.value(slotA[i]) * scaleA[i] + offsetA[i];
                    oldest = ta;
                    if (kind[i] == Kind.READING) {
                        v = a;
                    } else {
                        long tb = store.time(slotB[i]);
                        oldest = Math.min(ta, tb);
                        double b = store.value(slotB[i]) * scaleB[i] + offsetB[i];
                        double es = Units.saturationVapourPressure(a);
                        v = switch (kind[i]) {
                            case RH_FROM_VP -> 100 * b / es; // %
                            case VPD_FROM_RH -> es * (1 - b / 100); // Pa
                            default -> es - b; // VPD_FROM_VP, Pa
                        };
                        v *= outScale[i];
                    }
                    if (oldest == ReadingStore.NEVER) {
                        st = Status.MISSING;
                    } else if (nowMillis - oldest > maxAgeMillis[i]) {
                        st = Status.STALE;
                    }
                }
            }
            Point p = observations.get(i);
            if (st == Status.OK && !Double.isFinite(v)) {
                st = Status.NOT_FINITE;
            }
            if (st != Status.OK) {
                v = unusableAsNaN ? Double.NaN : 0.5 * (p.min() + p.max());
            } else {
                double slack = margin * (p.max() - p.min());
                if (v < p.min() - slack || v > p.max() + slack) {
                    st = Status.OUT_OF_RANGE;
                }
                v = v < p.min() ? p.min() : v > p.max() ? p.max() : v;
            }
            out[i] = v;
            assembly.set(i, st, oldest == ReadingStore.NEVER ? -1 : nowMillis - oldest);
        }
        return assembly;
    }

    /** Configures an {@link ObservationAssembler}. */
    public static final class Builder {
        private final List<Point> observations;
        private final ReadingStore store;
        private final Map<String, Duration> maxAges = new HashMap<>();
        private Duration defaultMaxAge = Duration.ofMinutes(5);
        private List<String> actionNames = List.of();
        private double margin = 0.1;
        private boolean unusableAsNaN;

        private Builder(List<Point> observations, ReadingStore store) {
            this.observations = observations;
            this.store = store;
        }

        /** Maximum age of every reading without its own (default 5 minutes). */
        public Builder defaultMaxAge(Duration age) {
            this.defaultMaxAge = positive("default max age", age);
            return this;
        }

        /** Maximum age of the readings behind component {@code name} (e.g. 3 h for a weather forecast). */
        public Builder maxAge(String name, Duration age) {
            maxAges.put(name, positive("max age of " + name, age));
            return this;
        }

        /** The policy's action names, so that {@code last_NAME} components come from the previous action. */
        public Builder actions(List<Point> actions) {
            this.actionNames = actions.stream().map(Point::name).toList();
            return this;
        }

        /**
         * How far beyond its bounds a component may lie, as a fraction of the bound range, before it counts
         * as {@link Status#OUT_OF_RANGE} (default 0.1).
         */
        public Builder outOfRangeMargin(double fraction) {
            if (!(fraction >= 0 && fraction <= 10)) {
                throw new IllegalArgumentException("out-of-range margin = " + fraction + " is outside [0, 10]");
            }
            this.margin = fraction;
            return this;
        }

        /**
         * Writes NaN for a missing, stale or non-finite component instead of its bounds' midpoint — for
         * controllers that treat NaN as a missing reading (the rule-based controller holds its last value).
         */
        public Builder unusableAsNaN() {
            this.unusableAsNaN = true;
            return this;
        }

        /**
         * The assembler.
         *
         * @throws IllegalArgumentException naming every component the store cannot feed (no reading, no way
         *     to derive it, or a unit that does not convert)
         */
        public ObservationAssembler build() {
            return new ObservationAssembler(this);
        }

        private static Duration positive(String what, Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " = " + d + " must be positive");
            }
            return d;
        }
    }

    /** The outcome of one {@link #assemble}: a status and an age per component. Reused between calls. */
    public static final class Assembly {
        private final List<Point> points;
        private final Status[] status;
        private final long[] ageMillis;
        private int unusable;
        private int outOfRange;

        Assembly(List<Point> points) {
            this.points = points;
            this.status = new Status[points.size()];
            this.ageMillis = new long[points.size()];
        }

        void reset() {
            unusable = 0;
            outOfRange = 0;
        }

        void set(int i, Status st, long age) {
            status[i] = st;
            ageMillis[i] = age;
            if (st == Status.OUT_OF_RANGE) {
                outOfRange++;
            } else if (st != Status.OK) {
                unusable++;
            }
        }

        /** True if every component came from fresh, finite readings (it may still be out of range). */
        public boolean usable() {
            return unusable == 0;
        }

        /** True if every component is usable and within the training range. */
        public boolean ok() {
            return unusable == 0 && outOfRange == 0;
        }

        /** The status of component {@code i}. */
        public Status status(int i) {
            return status[i];
        }

        /** Age of the oldest reading behind component {@code i} [ms]; 0 for computed ones, -1 if never read. */
        public long ageMillis(int i) {
            return ageMillis[i];
        }

        /** Every component that is not OK, e.g. {@code air_co2 STALE (age 612 s)}; empty when {@link #ok()}. */
        public List<String> problems() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < status.length; i++) {
                if (status[i] != Status.OK) {
                    out.add(points.get(i).name() + " " + status[i]
                            + (ageMillis[i] > 0 ? " (age " + ageMillis[i] / 1000 + " s)" : ""));
                }
            }
            return out;
        }
    }
}
