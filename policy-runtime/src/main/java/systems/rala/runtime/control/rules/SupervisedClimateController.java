package systems.rala.runtime.control.rules;

import java.util.List;
import systems.rala.runtime.control.ControlInput;
import systems.rala.runtime.control.Controller;
import systems.rala.runtime.control.Point;

/**
 * The lower level of a climate computer driven by a supervisor: GreenLight's control loops (the smoothed
 * P-bands of {@link RuleBasedClimateController}) tracking set-points that arrive as readings — heating, the
 * temperature at which ventilation starts, CO2, and lamps on or off — instead of following the built-in
 * schedule. This is how a supervisory controller (a trained policy, an operator, an optimiser) drives a
 * commercial climate computer. Humidity venting and the thermal screen keep their rules ({@link
 * RuleBasedSettings}), with the screen's heat rule relative to the heating set-point.
 *
 * <p>Memoryless and allocation-free, like the rule-based controller, so it may run continuously inside the
 * model's equations.
 */
public final class SupervisedClimateController implements Controller {

    /** Reading indices. */
    public static final int AIR_TEMPERATURE = 0;

    public static final int AIR_RELATIVE_HUMIDITY = 1;
    public static final int AIR_CO2 = 2;
    public static final int OUTDOOR_TEMPERATURE = 3;
    public static final int OUTDOOR_GLOBAL_RADIATION = 4;
    public static final int HEATING_SETPOINT = 5;
    public static final int VENTILATION_SETPOINT = 6;
    public static final int CO2_SETPOINT = 7;
    public static final int LAMP_COMMAND = 8;

    private static final List<Point> READINGS = List.of(
            new Point("air_temperature", "C", "air temperature below the screens", -50, 80),
            new Point("air_relative_humidity", "%", "relative humidity below the screens", 0, 100),
            new Point("air_co2", "ppm", "CO2 below the screens", 0, 10000),
            new Point("outdoor_temperature", "C", "outdoor air temperature", -70, 70),
            new Point("outdoor_global_radiation", "W/m2", "outdoor global radiation", 0, 1400),
            new Point("heating_setpoint", "C", "air temperature below which the boiler heats", 0, 40),
            new Point("ventilation_setpoint", "C", "air temperature above which the roof vents open", 0, 50),
            new Point("co2_setpoint", "ppm", "CO2 below which CO2 is dosed", 0, 3000),
            new Point("lamp_command", "-", "top-lights: on at 0.5 and above", 0, 1));

    private static final List<Point> COMMANDS = RuleBasedClimateController.COMMAND_POINTS;

    private final RuleBasedSettings s;

    /** Loops with the bands and humidity/screen rules of {@code settings}. */
    public SupervisedClimateController(RuleBasedSettings settings) {
        this.s = settings;
    }

    /** Loops with GreenLight's Katzin (2021) bands. */
    public SupervisedClimateController() {
        this(RuleBasedSettings.katzin2021());
    }

    @Override
    public List<Point> readings() {
        return READINGS;
    }

    @Override
    public List<Point> commands() {
        return COMMANDS;
    }

    @Override
    public void decide(ControlInput in, double[] out) {
        double[] v = in.values();
        double tAir = v[AIR_TEMPERATURE];
        double rh = v[AIR_RELATIVE_HUMIDITY];
        double co2 = v[AIR_CO2];
        double tOut = v[OUTDOOR_TEMPERATURE];
        double rad = v[OUTDOOR_GLOBAL_RADIATION];
        double heatSp = v[HEATING_SETPOINT];
        double ventSp = v[VENTILATION_SETPOINT];
        double co2Sp = v[CO2_SETPOINT];
        boolean lamps = v[LAMP_COMMAND] >= 0.5;
        double isDay = rad > 0 ? 1 : 0;

        double uBoil = ProportionalControl.pc(tAir, heatSp, s.tHeatBand(), 0, 1);
        double ventHeat = ProportionalControl.pc(tAir, ventSp, s.ventHeatPband(), 0, 1);
        double ventRh = ProportionalControl.pc(rh, s.rhMax(), s.ventRhPband(), 0, 1);
        double ventCold = ProportionalControl.pc(tAir, heatSp - s.tVentOff(), s.ventColdPband(), 1, 0);
        double uRoof = Math.min(ventCold, Math.max(ventHeat, ventRh));
        double thScrSp = isDay * s.thScrSpDay() + (1 - isDay) * s.thScrSpNight();
        double thScrCold = ProportionalControl.pc(tOut, thScrSp, s.thScrPband(), 0, 1);
        double thScrHeat = ProportionalControl.pc(tAir, heatSp + s.thScrDeadZone(), -s.thScrPband(), 1, 0);
        double thScrRh =
                Math.max(ProportionalControl.pc(rh, s.rhMax() + s.thScrMaxRh(), s.thScrRhPband(), 1, 0), 1 - ventCold);
        double uThScr = Math.min(thScrCold, Math.min(thScrHeat, thScrRh));
        double uLamp = lamps ? 1 : 0;
        double uBlScr = s.useBlScr() ? (1 - isDay) * uLamp : 0;
        double uExtCo2 = ProportionalControl.pc(co2, co2Sp, s.co2Band(), 0, 1);

        out[RuleBasedClimateController.U_BOIL] = clamp(uBoil);
        out[RuleBasedClimateController.U_BOIL_GRO] = clamp(uBoil);
        out[RuleBasedClimateController.U_ROOF] = clamp(uRoof);
        out[RuleBasedClimateController.U_TH_SCR] = clamp(uThScr);
        out[RuleBasedClimateController.U_BL_SCR] = clamp(uBlScr);
        out[RuleBasedClimateController.U_LAMP] = uLamp;
        out[RuleBasedClimateController.U_INT_LAMP] = uLamp;
        out[RuleBasedClimateController.U_EXT_CO2] = clamp(uExtCo2);
    }

    /** Clamps to [0, 1]; NaN (a missing reading) gives 0, the actuator at rest. */
    private static double clamp(double x) {
        return x > 0 ? Math.min(1, x) : 0;
    }
}
