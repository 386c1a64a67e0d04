package systems.rala.runtime.control.baseline;

import java.util.List;
import systems.rala.runtime.control.ControlInput;
import systems.rala.runtime.control.Controller;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.control.rules.RuleBasedClimateController;

/**
 * A PID set-point controller for the tomato greenhouse: PI loops on the boiler (air temperature to 19.5 °C
 * in the light period, 18.5 °C in the dark — GreenLight's set-points), the roof vents (to 5 K above the
 * heating set-point) and the CO2 valve (to 1000 ppm in the light period); lamps 00:00–18:00 while outdoor
 * radiation is below 400 W m⁻² and the day's sum below 10 MJ m⁻²; thermal screen closed when it is colder
 * outside than 10 °C at night or 5 °C by day. A classical alternative to the rule-based controller's
 * proportional bands. Stateful (integrators): run it sampled, once per control step.
 */
public final class PidClimateController implements Controller {

    private static final List<Point> READINGS = List.of(
            new Point("air_temperature", "C", "air temperature below the screens", -50, 80),
            new Point("air_co2", "ppm", "CO2 below the screens", 0, 10000),
            new Point("outdoor_temperature", "C", "outdoor air temperature", -70, 70),
            new Point("outdoor_global_radiation", "W/m2", "outdoor global radiation", 0, 1400),
            new Point("outdoor_daily_radiation_sum", "MJ/m2", "outdoor radiation sum of the local day", 0, 45));

    /** Heating set-points [°C], light and dark period (GreenLight, Katzin 2021). */
    public static final double HEAT_LIGHT = 19.5;

    public static final double HEAT_DARK = 18.5;
    /** Ventilation starts this far above the heating set-point [K]. */
    public static final double VENT_OFFSET = 5;
    /** CO2 set-point in the light period [ppm]. */
    public static final double CO2_SETPOINT = 1000;

    private final Pid heat = new Pid(0.5, 900, 0, 0, 1);
    private final Pid vent = new Pid(-0.2, 1800, 0, 0, 1);
    private final Pid co2 = new Pid(0.01, 600, 0, 0, 1);
    private double lastSecond = Double.NaN;

    @Override
    public List<Point> readings() {
        return READINGS;
    }

    @Override
    public List<Point> commands() {
        return RuleBasedClimateController.COMMAND_POINTS;
    }

    @Override
    public void decide(ControlInput in, double[] out) {
        double[] v = in.values();
        double tAir = v[0];
        double co2Ppm = v[1];
        double tOut = v[2];
        double rad = v[3];
        double daySum = v[4];
        double now = in.secondOfDay();
        double dt = Double.isNaN(lastSecond) ? 0 : now - lastSecond;
        if (dt < 0) {
            dt += 86_400; // past midnight
        }
        lastSecond = now;
        double hour = in.hourOfDay();
        boolean lamps = hour > 0 && hour < 18 && rad < 400 && daySum < 10;
        boolean light = lamps || rad > 0;
        double heatSp = light ? HEAT_LIGHT : HEAT_DARK;
        double uBoil = heat.update(heatSp, tAir, dt);
        double uRoof = vent.update(heatSp + VENT_OFFSET, tAir, dt);
        double uCo2 = light ? co2.update(CO2_SETPOINT, co2Ppm, dt) : 0;
        if (!light) {
            co2.reset();
        }
        boolean screen = tOut < (rad > 0 ? 5 : 10) && uRoof < 0.05;
        out[RuleBasedClimateController.U_BOIL] = uBoil;
        out[RuleBasedClimateController.U_BOIL_GRO] = uBoil;
        out[RuleBasedClimateController.U_ROOF] = uRoof;
        out[RuleBasedClimateController.U_TH_SCR] = screen ? 1 : 0;
        out[RuleBasedClimateController.U_BL_SCR] = 0;
        out[RuleBasedClimateController.U_LAMP] = lamps ? 1 : 0;
        out[RuleBasedClimateController.U_INT_LAMP] = lamps ? 1 : 0;
        out[RuleBasedClimateController.U_EXT_CO2] = uCo2;
    }

    @Override
    public void reset() {
        heat.reset();
        vent.reset();
        co2.reset();
        lastSecond = Double.NaN;
    }
}
