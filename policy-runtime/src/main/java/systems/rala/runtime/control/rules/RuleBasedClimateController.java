package systems.rala.runtime.control.rules;

import static systems.rala.runtime.control.rules.ProportionalControl.pc;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import systems.rala.runtime.control.ControlInput;
import systems.rala.runtime.control.Controller;
import systems.rala.runtime.control.Point;

/**
 * The rule-based greenhouse climate controller of GreenLight (Katzin, Marcelis &amp; van Mourik 2021, Applied Energy
 * 281:116019, §2.3.2 = Katzin 2021 PhD thesis ch. 4 §2.3.2, with the lamp and blackout-screen constraints of thesis ch. 5
 * §2.4), as defined in GreenLight v2's {@code extension_greenhouse_katzin_2021_vanthoor_2011.json}. It is the baseline
 * that learned policies are compared with and the fall-back controller on site.
 *
 * <h2>Rules</h2>
 *
 * With {@code pc} GreenLight's smoothed proportional controller (a logistic sigmoid that goes from 1 % to 99 % of its
 * action across the P-band) and the settings {@code s}:
 *
 * <ul>
 *   <li><b>Day and light period.</b> {@code isDay} = 1 when outdoor global radiation &gt; 0. {@code lampNoCons} = 1
 *       when the clock is strictly inside the lamp window ({@code lampTimeOn < h < lampTimeOff}, or outside {@code
 *       [lampTimeOff, lampTimeOn]} when the window wraps midnight), the day of year strictly inside {@code
 *       (dayLampStart, dayLampStop)} likewise, the instantaneous outdoor radiation &lt; {@code lampsOffSun} and the
 *       day's radiation sum &lt; {@code lampRadSumLimit}. {@code smoothLamp} is the same window with 1-h linear ramps
 *       (rising from {@code lampTimeOn − 1} to {@code lampTimeOn}, falling from {@code lampTimeOff} to {@code
 *       lampTimeOff + 1}, neither ramp wrapping midnight), ignoring the instantaneous sun. {@code isDayInside =
 *       max(smoothLamp, isDay)}.
 *   <li><b>Heating.</b> {@code heatSetPoint = isDayInside·tSpDay + (1 − isDayInside)·tSpNight +
 *       heatCorrection·lampNoCons}; {@code uBoil = uBoilGro = pc(tAir, heatSetPoint, tHeatBand, 0, 1)}.
 *   <li><b>Ventilation.</b> {@code heatMax = heatSetPoint + heatDeadZone}; {@code ventHeat = pc(tAir, heatMax,
 *       ventHeatPband, 0, 1)}; {@code ventRh = pc(rhIn, rhMax, ventRhPband, 0, 1)}; {@code ventCold = pc(tAir,
 *       heatSetPoint − tVentOff, ventColdPband, 1, 0)}; {@code uRoof = min(ventCold, max(ventHeat, ventRh))}.
 *   <li><b>Thermal screen</b> (1 = closed). {@code thScrSp = isDay·thScrSpDay + (1 − isDay)·thScrSpNight}; {@code
 *       thScrCold = pc(tOut, thScrSp, thScrPband, 0, 1)}; {@code thScrHeat = pc(tAir, heatSetPoint + thScrDeadZone,
 *       −thScrPband, 1, 0)}; {@code thScrRh = max(pc(rhIn, rhMax + thScrMaxRh, thScrRhPband, 1, 0), 1 − ventCold)};
 *       {@code uThScr = min(thScrCold, thScrHeat, thScrRh)}. The {@code 1 − ventCold} term (GreenLight v1-final and v2)
 *       keeps the screen from opening for humidity when it is too cold to ventilate; the code of the Applied Energy runs
 *       (GreenLight v1 at tag {@code KatzinEtAl2021AppEnData}) did not have it.
 *   <li><b>Lamps.</b> {@code uLamp = uIntLamp = lampNoCons · pc(tAir, heatMax + lampExtraHeat, −0.5, 0, 1) · [isDay + (1
 *       − isDay)·max(pc(rhIn, rhMax + blScrExtraRh, −0.5, 0, 1), 1 − ventCold)]}: off for excess heat, and in the dark
 *       for excess humidity unless it is too cold to ventilate. With the Katzin 2021 settings neither constraint can act,
 *       so {@code uLamp = lampNoCons}, a hard 0/1 signal.
 *   <li><b>Blackout screen.</b> {@code uBlScr = useBlScr·(1 − isDay)·max(uLamp, uIntLamp)}.
 *   <li><b>CO2.</b> {@code co2SetPoint = isDayInside·co2SpDay} (0 in the dark: no dosing); {@code uExtCo2 = pc(co2,
 *       co2SetPoint, co2Band, 0, 1)}. Dosing does not depend on the vents.
 * </ul>
 *
 * Every command is clamped to [0, 1] (the sigmoids never leave (0, 1); the clamp also turns a NaN into 0, which cannot
 * arise from finite readings and validated settings). GreenLight's {@code isDaySmooth} is taken equal to {@code isDay},
 * as in GreenLight v2.
 *
 * <h2>Differences from GreenLight</h2>
 *
 * <ul>
 *   <li><b>Sampling.</b> GreenLight evaluates these rules continuously, as algebraic functions of the states inside the
 *       ODE right-hand side, so the commands follow the climate at every solver step. Here {@link #decide} is called
 *       once per control step (e.g. every 300 s) and the caller holds its commands until the next call (zero-order
 *       hold). The bands are narrow (1 °C for the boiler), so with long steps the loop can overshoot or chatter where
 *       GreenLight's would not; simulations that want to reproduce GreenLight should use short steps (GreenLight's own
 *       replays recommend 300 s or less). The strict lamp window also weighs more: GreenLight's lamps are off only at
 *       the instant {@code lampTimeOn}, but a step that starts exactly then holds them off for the whole step (with
 *       the defaults and steps aligned to midnight, the first step of every day).
 *   <li><b>Clock.</b> The hour and day of year come from {@link ControlInput}, in local standard time (no daylight
 *       saving), as in GreenLight's weather files. GreenLight v2 derives them from the simulation time and assumes the
 *       run starts at midnight (its day of year counts days since the start); v1 used the calendar, as here.
 *   <li><b>Day indicator.</b> {@code isDay} switches with the radiation reading. GreenLight's comes from hourly
 *       weather rows and is interpolated, giving 1-h ramps at sunrise and sunset.
 *   <li><b>Day's radiation sum.</b> GreenLight uses the whole calendar day's sum from the weather file, known in
 *       advance. On site the reading must come from a forecast; whoever fills the reading decides which.
 *   <li><b>Missing readings.</b> GreenLight never sees them; here see below.
 * </ul>
 *
 * <h2>Readings that are not finite</h2>
 *
 * A reading that is NaN or infinite is replaced by the last finite value of that reading since construction or {@link
 * #reset()} (holding the last good value, as a PLC input does). If there has been none, it is replaced by a neutral
 * value that asks nothing of the rules it feeds: air temperature = {@code heatSetPoint} (boiler at its 1 % floor,
 * vents not forced shut), relative humidity = {@code rhMax}, CO2 = {@code co2SetPoint} (no dosing), outdoor temperature
 * = {@code thScrSp}, outdoor radiation and day's radiation sum = 0 (GreenLight's own values when it has no weather, so
 * the lamps follow the clock alone). Every replacement is flagged in {@link Signals#substitutedReadings()}. Holding a
 * value is not a fault treatment: detecting stale or implausible sensors is the job of the safety layer around this
 * controller. Finite readings are used as they are, even outside the {@link #readings()} bounds.
 *
 * <p>{@link #decide} allocates nothing. The controller is not thread-safe: one instance per control loop.
 */
public final class RuleBasedClimateController implements Controller {

    /** Index of {@code air_temperature} [°C] in {@link #readings()}. */
    public static final int AIR_TEMPERATURE = 0;
    /** Index of {@code air_relative_humidity} [%]. */
    public static final int AIR_RELATIVE_HUMIDITY = 1;
    /** Index of {@code air_co2} [ppm]. */
    public static final int AIR_CO2 = 2;
    /** Index of {@code outdoor_temperature} [°C]. */
    public static final int OUTDOOR_TEMPERATURE = 3;
    /** Index of {@code outdoor_global_radiation} [W/m2]. */
    public static final int OUTDOOR_GLOBAL_RADIATION = 4;
    /** Index of {@code outdoor_daily_radiation_sum} [MJ/m2]. */
    public static final int OUTDOOR_DAILY_RADIATION_SUM = 5;

    /** Index of {@code uBoil} in {@link #commands()}. */
    public static final int U_BOIL = 0;
    /** Index of {@code uBoilGro}. */
    public static final int U_BOIL_GRO = 1;
    /** Index of {@code uRoof}. */
    public static final int U_ROOF = 2;
    /** Index of {@code uThScr}. */
    public static final int U_TH_SCR = 3;
    /** Index of {@code uBlScr}. */
    public static final int U_BL_SCR = 4;
    /** Index of {@code uLamp}. */
    public static final int U_LAMP = 5;
    /** Index of {@code uIntLamp}. */
    public static final int U_INT_LAMP = 6;
    /** Index of {@code uExtCo2}. */
    public static final int U_EXT_CO2 = 7;

    /** The readings of GreenLight's rule-based control, in the order of the reading indices above. */
    public static final List<Point> READING_POINTS = List.of(
            new Point("air_temperature", "°C", "greenhouse air temperature (below the screens)", -50, 80),
            new Point("air_relative_humidity", "%", "greenhouse air relative humidity", 0, 100),
            new Point("air_co2", "ppm", "greenhouse air CO2 concentration", 0, 10_000),
            new Point("outdoor_temperature", "°C", "outdoor air temperature", -60, 60),
            new Point("outdoor_global_radiation", "W/m2", "outdoor global horizontal radiation", 0, 1_500),
            new Point(
                    "outdoor_daily_radiation_sum",
                    "MJ/m2",
                    "outdoor global radiation summed over the whole local calendar day",
                    0,
                    50));

    /** The commands of GreenLight's rule-based control: the actuators of the tomato greenhouse, each in [0, 1]. */
    public static final List<Point> COMMAND_POINTS = List.of(
            new Point("uBoil", "-", "boiler valve to the pipe-rail heating", 0, 1),
            new Point("uBoilGro", "-", "boiler valve to the grow pipes", 0, 1),
            new Point("uRoof", "-", "roof vent opening", 0, 1),
            new Point("uThScr", "-", "thermal screen closure (1 = closed)", 0, 1),
            new Point("uBlScr", "-", "blackout screen closure (1 = closed)", 0, 1),
            new Point("uLamp", "-", "top-lights (1 = on)", 0, 1),
            new Point("uIntLamp", "-", "inter-lights (1 = on)", 0, 1),
            new Point("uExtCo2", "-", "CO2 dosing valve", 0, 1));

    // Band of the lamps' heat and humidity constraints: hard-coded in GreenLight (−0.5 °C and −0.5 % RH).
    private static final double LAMP_CONSTRAINT_BAND = -0.5;

    private final RuleBasedSettings settings;
    private final double[] lastFinite = new double[READING_POINTS.size()];
    private final Signals signals = new Signals();

    /** A controller with the given settings. */
    public RuleBasedClimateController(RuleBasedSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        reset();
    }

    /** A controller with {@link RuleBasedSettings#katzin2021()}. */
    public RuleBasedClimateController() {
        this(RuleBasedSettings.katzin2021());
    }

    /** The settings it runs with. */
    public RuleBasedSettings settings() {
        return settings;
    }

    /**
     * The internal signals of the last {@link #decide} call, for logging and tests. The same object is returned every
     * time and updated in place by each call; its values are NaN before the first call and after {@link #reset()}.
     */
    public Signals signals() {
        return signals;
    }

    /**
     * {@code air_temperature} °C, {@code air_relative_humidity} %, {@code air_co2} ppm, {@code outdoor_temperature} °C,
     * {@code outdoor_global_radiation} W/m2, {@code outdoor_daily_radiation_sum} MJ/m2, in this order (indices {@link
     * #AIR_TEMPERATURE} …).
     */
    @Override
    public List<Point> readings() {
        return READING_POINTS;
    }

    /**
     * {@code uBoil, uBoilGro, uRoof, uThScr, uBlScr, uLamp, uIntLamp, uExtCo2}, GreenLight's actuator names, each a
     * fraction in [0, 1], in this order (indices {@link #U_BOIL} …).
     */
    @Override
    public List<Point> commands() {
        return COMMAND_POINTS;
    }

    /**
     * Applies the rules to one set of readings and the clock of {@code in} and writes the eight commands to {@code out}
     * (which may be longer). Allocates nothing.
     *
     * @throws IllegalArgumentException if {@code in} does not hold six readings or {@code out} has room for fewer than
     *     eight commands
     */
    @Override
    public void decide(ControlInput in, double[] out) {
        double[] v = in.values();
        if (v.length != READING_POINTS.size()) {
            throw new IllegalArgumentException(
                    "rule-based controller: expected " + READING_POINTS.size() + " readings, got " + v.length);
        }
        if (out.length < COMMAND_POINTS.size()) {
            throw new IllegalArgumentException("rule-based controller: output has room for " + out.length + " of "
                    + COMMAND_POINTS.size() + " commands");
        }
        RuleBasedSettings s = settings;
        Signals g = signals;
        g.substitutedReadings = 0;
        double hour = in.hourOfDay();
        double day = in.dayOfYear();

        // Light period: sun, lamp window, day-sum limit.
        double iGlob = reading(v, OUTDOOR_GLOBAL_RADIATION, 0.0);
        double dayRadSum = reading(v, OUTDOOR_DAILY_RADIATION_SUM, 0.0);
        double isDay = iGlob > 0 ? 1.0 : 0.0;
        boolean lampSeason = strictlyInside(day, s.dayLampStart(), s.dayLampStop());
        boolean belowDaySum = dayRadSum < s.lampRadSumLimit();
        double lampNoCons = iGlob < s.lampsOffSun()
                        && belowDaySum
                        && strictlyInside(hour, s.lampTimeOn(), s.lampTimeOff())
                        && lampSeason
                ? 1.0
                : 0.0;
        double smoothLamp = belowDaySum && lampSeason ? linearLampSwitches(hour, s.lampTimeOn(), s.lampTimeOff()) : 0.0;
        double isDayInside = Math.max(smoothLamp, isDay);

        // Heating.
        double heatSetPoint =
                isDayInside * s.tSpDay() + (1.0 - isDayInside) * s.tSpNight() + s.heatCorrection() * lampNoCons;
        double tAir = reading(v, AIR_TEMPERATURE, heatSetPoint);
        double uBoil = pc(tAir, heatSetPoint, s.tHeatBand(), 0, 1);

        // Ventilation.
        double rhIn = reading(v, AIR_RELATIVE_HUMIDITY, s.rhMax());
        double heatMax = heatSetPoint + s.heatDeadZone();
        double ventHeat = pc(tAir, heatMax, s.ventHeatPband(), 0, 1);
        double ventRh = pc(rhIn, s.rhMax(), s.ventRhPband(), 0, 1);
        double ventCold = pc(tAir, heatSetPoint - s.tVentOff(), s.ventColdPband(), 1, 0);
        double uRoof = Math.min(ventCold, Math.max(ventHeat, ventRh));

        // Thermal screen.
        double thScrSp = isDay * s.thScrSpDay() + (1.0 - isDay) * s.thScrSpNight();
        double tOut = reading(v, OUTDOOR_TEMPERATURE, thScrSp);
        double thScrCold = pc(tOut, thScrSp, s.thScrPband(), 0, 1);
        double thScrHeat = pc(tAir, heatSetPoint + s.thScrDeadZone(), -s.thScrPband(), 1, 0);
        double thScrRh = Math.max(pc(rhIn, s.rhMax() + s.thScrMaxRh(), s.thScrRhPband(), 1, 0), 1.0 - ventCold);
        double uThScr = Math.min(thScrCold, Math.min(thScrHeat, thScrRh));

        // Lamps and blackout screen.
        double lampHeatOk = pc(tAir, heatMax + s.lampExtraHeat(), LAMP_CONSTRAINT_BAND, 0, 1);
        double lampRhOk = Math.max(pc(rhIn, s.rhMax() + s.blScrExtraRh(), LAMP_CONSTRAINT_BAND, 0, 1), 1.0 - ventCold);
        double uLamp = lampNoCons * lampHeatOk * (isDay + (1.0 - isDay) * lampRhOk);
        double uIntLamp = uLamp;
        double uBlScr = s.useBlScr() ? (1.0 - isDay) * Math.max(uLamp, uIntLamp) : 0.0;

        // CO2.
        double co2SetPoint = isDayInside * s.co2SpDay();
        double co2 = reading(v, AIR_CO2, co2SetPoint);
        double uExtCo2 = pc(co2, co2SetPoint, s.co2Band(), 0, 1);

        out[U_BOIL] = unit(uBoil);
        out[U_BOIL_GRO] = unit(uBoil);
        out[U_ROOF] = unit(uRoof);
        out[U_TH_SCR] = unit(uThScr);
        out[U_BL_SCR] = unit(uBlScr);
        out[U_LAMP] = unit(uLamp);
        out[U_INT_LAMP] = unit(uIntLamp);
        out[U_EXT_CO2] = unit(uExtCo2);

        g.isDay = isDay;
        g.lampNoCons = lampNoCons;
        g.smoothLamp = smoothLamp;
        g.isDayInside = isDayInside;
        g.heatSetPoint = heatSetPoint;
        g.heatMax = heatMax;
        g.ventHeat = ventHeat;
        g.ventRh = ventRh;
        g.ventCold = ventCold;
        g.thScrSp = thScrSp;
        g.thScrCold = thScrCold;
        g.thScrHeat = thScrHeat;
        g.thScrRh = thScrRh;
        g.co2SetPoint = co2SetPoint;
    }

    /** Forgets the held readings and the signals. */
    @Override
    public void reset() {
        Arrays.fill(lastFinite, Double.NaN);
        signals.clear();
    }

    /** Reading {@code i}, or its last finite value, or {@code neutral}; flags a replacement. */
    private double reading(double[] v, int i, double neutral) {
        double x = v[i];
        if (Double.isFinite(x)) {
            lastFinite[i] = x;
            return x;
        }
        signals.substitutedReadings |= 1 << i;
        double held = lastFinite[i];
        return Double.isNaN(held) ? neutral : held;
    }

    /**
     * GreenLight's {@code lampTimeOfDay}/{@code lampDayOfYear}: {@code on < x < off}, or when the window wraps ({@code on
     * > off}) {@code x > on || x < off}; never when {@code on == off}.
     */
    static boolean strictlyInside(double x, double on, double off) {
        return on <= off ? on < x && x < off : on < x || x < off;
    }

    /**
     * GreenLight's {@code linearLampBothSwitches}: 1 inside {@code [on, off]} with linear 1-h ramps before {@code on}
     * and after {@code off}; 0 when {@code on == off}. Like GreenLight, neither ramp wraps midnight.
     */
    static double linearLampSwitches(double hour, double on, double off) {
        if (on == off) {
            return 0.0;
        }
        double switchOn = Math.max(0.0, Math.min(1.0, hour - on + 1.0));
        double switchOff = Math.max(0.0, Math.min(1.0, off - hour + 1.0));
        return on < off ? Math.min(switchOn, switchOff) : Math.max(switchOn, switchOff);
    }

    /** Clamps to [0, 1]; NaN becomes 0. */
    private static double unit(double u) {
        if (!(u >= 0.0)) {
            return 0.0;
        }
        return Math.min(u, 1.0);
    }

    /**
     * The controller's internal signals after the last {@link #decide} call (GreenLight's auxiliary variables of the same
     * names), read-only. Values are NaN before the first call.
     */
    public static final class Signals {

        private int substitutedReadings;
        private double isDay;
        private double lampNoCons;
        private double smoothLamp;
        private double isDayInside;
        private double heatSetPoint;
        private double heatMax;
        private double ventHeat;
        private double ventRh;
        private double ventCold;
        private double thScrSp;
        private double thScrCold;
        private double thScrHeat;
        private double thScrRh;
        private double co2SetPoint;

        private Signals() {}

        private void clear() {
            substitutedReadings = 0;
            isDay = Double.NaN;
            lampNoCons = Double.NaN;
            smoothLamp = Double.NaN;
            isDayInside = Double.NaN;
            heatSetPoint = Double.NaN;
            heatMax = Double.NaN;
            ventHeat = Double.NaN;
            ventRh = Double.NaN;
            ventCold = Double.NaN;
            thScrSp = Double.NaN;
            thScrCold = Double.NaN;
            thScrHeat = Double.NaN;
            thScrRh = Double.NaN;
            co2SetPoint = Double.NaN;
        }

        /**
         * Which readings were not finite and replaced (held or neutral value): bit {@code i} for reading index {@code
         * i} ({@code 1 << AIR_TEMPERATURE}, …); 0 when all were used as given.
         */
        public int substitutedReadings() {
            return substitutedReadings;
        }

        /** 1 when outdoor global radiation &gt; 0, else 0. */
        public double isDay() {
            return isDay;
        }

        /** Lamp light period ignoring the heat and humidity constraints: 0 or 1. */
        public double lampNoCons() {
            return lampNoCons;
        }

        /** The lamp window with 1-h linear ramps, times the day-sum and season conditions: 0 to 1. */
        public double smoothLamp() {
            return smoothLamp;
        }

        /** {@code max(smoothLamp, isDay)}: light period inside the greenhouse, 0 to 1. */
        public double isDayInside() {
            return isDayInside;
        }

        /** Heating set-point [°C]. */
        public double heatSetPoint() {
            return heatSetPoint;
        }

        /** Temperature at which ventilation for heat starts, heating set-point + dead zone [°C]. */
        public double heatMax() {
            return heatMax;
        }

        /** Vent opening asked for by excess heat, 0 to 1. */
        public double ventHeat() {
            return ventHeat;
        }

        /** Vent opening asked for by excess humidity, 0 to 1. */
        public double ventRh() {
            return ventRh;
        }

        /** Largest vent opening allowed by the cold lock-out, 0 (forced shut) to 1 (free). */
        public double ventCold() {
            return ventCold;
        }

        /** Outdoor-temperature set-point of the thermal screen [°C]. */
        public double thScrSp() {
            return thScrSp;
        }

        /** Screen closure asked for by the cold outside, 0 to 1. */
        public double thScrCold() {
            return thScrCold;
        }

        /** Largest screen closure allowed by excess heat inside, 0 to 1. */
        public double thScrHeat() {
            return thScrHeat;
        }

        /** Largest screen closure allowed by excess humidity inside, 0 to 1. */
        public double thScrRh() {
            return thScrRh;
        }

        /** CO2 set-point [ppm]; 0 in the dark. */
        public double co2SetPoint() {
            return co2SetPoint;
        }
    }
}
