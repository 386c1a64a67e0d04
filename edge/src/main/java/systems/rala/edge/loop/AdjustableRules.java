package systems.rala.edge.loop;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import systems.rala.runtime.control.ControlInput;
import systems.rala.runtime.control.Controller;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.control.rules.RuleBasedClimateController;
import systems.rala.runtime.control.rules.RuleBasedSettings;
import systems.rala.runtime.observation.Units;

/**
 * The rule-based climate controller whose set-points an operator may change while it runs (the wire contract's
 * {@code setpoint} command). A change builds a new controller with the new settings, checked by {@link
 * RuleBasedSettings.Builder#build()}, and swaps it in between ticks; the new one starts without the old one's
 * memory of the last finite readings.
 */
public final class AdjustableRules implements Controller {

    /**
     * A set-point an operator may change.
     *
     * @param unit its unit (commands may give the value in any unit of the same quantity)
     * @param set sets it on a builder
     * @param get reads it from settings
     */
    record Setting(
            String unit,
            BiFunction<RuleBasedSettings.Builder, Double, RuleBasedSettings.Builder> set,
            java.util.function.ToDoubleFunction<RuleBasedSettings> get) {}

    /** The set-points a {@code setpoint} command may target, with their units. */
    static final Map<String, Setting> SETTINGS = Map.ofEntries(
            Map.entry("tSpDay", new Setting("°C", RuleBasedSettings.Builder::tSpDay, RuleBasedSettings::tSpDay)),
            Map.entry("tSpNight", new Setting("°C", RuleBasedSettings.Builder::tSpNight, RuleBasedSettings::tSpNight)),
            Map.entry(
                    "heatDeadZone",
                    new Setting("K", RuleBasedSettings.Builder::heatDeadZone, RuleBasedSettings::heatDeadZone)),
            Map.entry("rhMax", new Setting("%", RuleBasedSettings.Builder::rhMax, RuleBasedSettings::rhMax)),
            Map.entry("co2SpDay", new Setting("ppm", RuleBasedSettings.Builder::co2SpDay, RuleBasedSettings::co2SpDay)),
            Map.entry(
                    "thScrSpDay",
                    new Setting("°C", RuleBasedSettings.Builder::thScrSpDay, RuleBasedSettings::thScrSpDay)),
            Map.entry(
                    "thScrSpNight",
                    new Setting("°C", RuleBasedSettings.Builder::thScrSpNight, RuleBasedSettings::thScrSpNight)),
            Map.entry(
                    "lampTimeOn",
                    new Setting("h", RuleBasedSettings.Builder::lampTimeOn, RuleBasedSettings::lampTimeOn)),
            Map.entry(
                    "lampTimeOff",
                    new Setting("h", RuleBasedSettings.Builder::lampTimeOff, RuleBasedSettings::lampTimeOff)),
            Map.entry(
                    "lampsOffSun",
                    new Setting("W/m2", RuleBasedSettings.Builder::lampsOffSun, RuleBasedSettings::lampsOffSun)));

    private volatile RuleBasedClimateController current;

    /** The controller with {@code settings}. */
    public AdjustableRules(RuleBasedSettings settings) {
        this.current = new RuleBasedClimateController(settings);
    }

    /** The settings in effect. */
    public RuleBasedSettings settings() {
        return current.settings();
    }

    /**
     * Changes set-point {@code name} to {@code value} given in {@code unit}.
     *
     * @return the new value in the set-point's own unit
     * @throws IllegalArgumentException if there is no such set-point, the unit does not convert, or the value is
     *     outside the set-point's range (the message says which)
     */
    public double set(String name, double value, String unit) {
        Setting s = SETTINGS.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no set-point " + name + "; the set-points are "
                    + SETTINGS.keySet().stream().sorted().toList());
        }
        double v = convert(value, unit, s.unit());
        RuleBasedSettings next =
                s.set().apply(current.settings().toBuilder(), v).build();
        current = new RuleBasedClimateController(next);
        return v;
    }

    /** Set-point {@code name}'s value now, in its own unit. */
    public double get(String name) {
        Setting s = SETTINGS.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no set-point " + name);
        }
        return s.get().applyAsDouble(current.settings());
    }

    private static double convert(double value, String from, String to) {
        String f = from.strip().toLowerCase(Locale.ROOT);
        if (to.equals("h") || to.equals("K")) {
            // hours and temperature differences: only the same unit (a difference in °C is one in K)
            boolean same = to.equals("h")
                    ? f.equals("h")
                    : f.equals("k") || Units.normalise(from).equals("°C");
            if (!same) {
                throw new IllegalArgumentException("unit '" + from + "' is not " + to);
            }
            return value;
        }
        double[] c = Units.conversion(from, to);
        return value * c[0] + c[1];
    }

    @Override
    public List<Point> readings() {
        return RuleBasedClimateController.READING_POINTS;
    }

    @Override
    public List<Point> commands() {
        return RuleBasedClimateController.COMMAND_POINTS;
    }

    @Override
    public void decide(ControlInput in, double[] out) {
        current.decide(in, out);
    }

    @Override
    public void reset() {
        current.reset();
    }
}
