package systems.rala.service.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import systems.rala.runtime.tick.PolicyActuation;

/**
 * The set-points a {@code setpoint} command may name, each with its unit and the bounds the service enforces
 * before anything is sent (the gateway checks again against its own point list). Two families, as the policy
 * runtime names them:
 *
 * <ul>
 *   <li>the rule-based climate controller's settings (policy-runtime {@code control/rules/RuleBasedSettings},
 *       the controller of the {@code advisory} and {@code fallback} modes), named as its accessors; bounds are
 *       the ranges its builder accepts, except the heating set-points, bounded like the set-point policies'
 *       heating action below (its builder allows 0 to 40 °C, and a 40 °C heating set-point is no climate a
 *       crop survives);
 *   <li>the set-point policies' actions (policy-runtime {@code tick/PolicyActuation}, {@code SETPOINT_MIN} and
 *       {@code SETPOINT_MAX}, the action space of {@code GreenhouseTomato-v0}), which the climate computer's
 *       loops track.
 * </ul>
 */
final class SetPoints {

    /**
     * One set-point.
     *
     * @param unit the unit values are given in (after {@code Units.normalise})
     * @param min lowest value allowed, in {@code unit}
     * @param max highest value allowed, in {@code unit}
     */
    record SetPoint(String name, String unit, double min, double max, String what) {}

    private static final Map<String, SetPoint> KNOWN = new LinkedHashMap<>();

    static {
        // RuleBasedSettings.tSpDay / tSpNight [°C]; bounds of PolicyActuation's heating_setpoint (10..25 °C)
        add("tSpDay", "°C", PolicyActuation.SETPOINT_MIN[0], PolicyActuation.SETPOINT_MAX[0], "heating, light period");
        add("tSpNight", "°C", PolicyActuation.SETPOINT_MIN[0], PolicyActuation.SETPOINT_MAX[0], "heating, dark period");
        // RuleBasedSettings.rhMax [%]: the builder accepts 0..100
        add("rhMax", "%", 0, 100, "relative humidity above which the vents open");
        // RuleBasedSettings.co2SpDay [ppm]: the builder accepts 0..5000 (0: no dosing); capped at the set-point
        // policies' co2_setpoint maximum, 1600 ppm
        add("co2SpDay", "ppm", 0, PolicyActuation.SETPOINT_MAX[2], "CO2 dosing, light period");
        // PolicyActuation set-point actions, SETPOINT_MIN..SETPOINT_MAX: °C, °C, ppm, - (lamps 0..1)
        add("heating_setpoint", "°C", PolicyActuation.SETPOINT_MIN[0], PolicyActuation.SETPOINT_MAX[0], "heating");
        add(
                "ventilation_setpoint",
                "°C",
                PolicyActuation.SETPOINT_MIN[1],
                PolicyActuation.SETPOINT_MAX[1],
                "ventilation");
        add("co2_setpoint", "ppm", PolicyActuation.SETPOINT_MIN[2], PolicyActuation.SETPOINT_MAX[2], "CO2 dosing");
        add("lamps", "-", PolicyActuation.SETPOINT_MIN[3], PolicyActuation.SETPOINT_MAX[3], "lamp command");
    }

    private SetPoints() {}

    private static void add(String name, String unit, double min, double max, String what) {
        KNOWN.put(name, new SetPoint(name, unit, min, max, what));
    }

    static Optional<SetPoint> find(String name) {
        return Optional.ofNullable(name == null ? null : KNOWN.get(name));
    }

    /** For messages: {@code tSpDay (°C, 10..25), ...}. */
    static String allowed() {
        return KNOWN.values().stream()
                .map(s -> s.name() + " (" + s.unit() + ", " + num(s.min()) + ".." + num(s.max()) + ")")
                .collect(Collectors.joining(", "));
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
