package systems.rala.runtime.tick;

import java.util.List;
import systems.rala.runtime.control.ControlInput;
import systems.rala.runtime.control.Controller;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.control.rules.RuleBasedClimateController;
import systems.rala.runtime.control.rules.SupervisedClimateController;

/**
 * Turns a policy's action into actuator commands, the way the environment it was trained on did. Three
 * action forms exist, told apart by the manifest's action names:
 *
 * <ul>
 *   <li><b>direct</b> — the actions are actuator positions named like the commands ({@code uBoil}, {@code
 *       uRoof}, ...); commands the policy does not set are 0;
 *   <li><b>set-point</b> — {@code heating_setpoint}, {@code ventilation_setpoint}, {@code co2_setpoint},
 *       {@code lamps}: tracked by the climate computer's loops ({@link SupervisedClimateController});
 *   <li><b>residual</b> — {@code heating_offset}, {@code ventilation_offset}, {@code co2_offset}, {@code
 *       lamp_override}: corrections to the rule-based controller's set-points ({@link #ruleSetpoints}, {@link
 *       #correct}), then the loops.
 * </ul>
 *
 * <p>{@code GreenhouseTomato-v0} uses {@link #ruleSetpoints} and {@link #correct} itself, so training and
 * deployment share one definition. Set the action with {@link #setAction}, then {@link #decide}; nothing
 * allocates.
 */
public final class PolicyActuation implements Controller {

    /** The action forms. */
    public enum Form {
        DIRECT,
        SETPOINT,
        RESIDUAL
    }

    private static final List<String> SETPOINT_NAMES =
            List.of("heating_setpoint", "ventilation_setpoint", "co2_setpoint", "lamps");
    private static final List<String> RESIDUAL_NAMES =
            List.of("heating_offset", "ventilation_offset", "co2_offset", "lamp_override");

    /** Set-point ranges [°C, °C, ppm, -] of the set-point action space (GreenhouseTomato-v0). */
    public static final double[] SETPOINT_MIN = {10, 15, 400, 0};

    public static final double[] SETPOINT_MAX = {25, 35, 1600, 1};

    private final Form form;
    private final double[] action;
    private final int[] commandOfAction;
    private final RuleBasedClimateController rule;
    private final double[] ruleCommands = new double[RuleBasedClimateController.COMMAND_POINTS.size()];
    private final double[] setpoints = new double[4];
    private final SupervisedClimateController loops = new SupervisedClimateController();
    private final ControlInput loopInput = new ControlInput(loops.readings());

    /**
     * Actuation for a policy with {@code actions} (the manifest's), driving the commands of {@link
     * RuleBasedClimateController#COMMAND_POINTS}.
     *
     * @throws IllegalArgumentException if the action names are none of the three forms, naming them
     */
    public PolicyActuation(List<Point> actions) {
        List<String> names = actions.stream().map(Point::name).toList();
        this.action = new double[names.size()];
        this.commandOfAction = new int[names.size()];
        if (names.equals(SETPOINT_NAMES)) {
            form = Form.SETPOINT;
            rule = null;
        } else if (names.equals(RESIDUAL_NAMES)) {
            form = Form.RESIDUAL;
            rule = new RuleBasedClimateController();
        } else {
            form = Form.DIRECT;
            rule = null;
            List<String> commands = RuleBasedClimateController.COMMAND_POINTS.stream()
                    .map(Point::name)
                    .toList();
            for (int i = 0; i < names.size(); i++) {
                commandOfAction[i] = commands.indexOf(names.get(i));
                if (commandOfAction[i] < 0) {
                    throw new IllegalArgumentException("policy actions " + names + " are neither actuator commands "
                            + commands + " nor the set-points " + SETPOINT_NAMES + " nor the corrections "
                            + RESIDUAL_NAMES + ": " + names.get(i) + " is unknown");
                }
            }
        }
    }

    /** The form of the policy's action. */
    public Form form() {
        return form;
    }

    /** Sets the policy's action for the next {@link #decide} (copied). */
    public void setAction(double[] a) {
        System.arraycopy(a, 0, action, 0, action.length);
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
        switch (form) {
            case DIRECT -> {
                java.util.Arrays.fill(out, 0, ruleCommands.length, 0);
                for (int i = 0; i < action.length; i++) {
                    out[commandOfAction[i]] = action[i];
                }
                return;
            }
            case SETPOINT -> {
                for (int k = 0; k < 4; k++) {
                    setpoints[k] = clamp(action[k], SETPOINT_MIN[k], SETPOINT_MAX[k]);
                }
            }
            case RESIDUAL -> {
                rule.decide(in, ruleCommands);
                ruleSetpoints(rule, ruleCommands, setpoints);
                correct(setpoints, action, setpoints);
            }
        }
        double[] v = loopInput.values();
        System.arraycopy(in.values(), 0, v, 0, SupervisedClimateController.HEATING_SETPOINT);
        v[SupervisedClimateController.HEATING_SETPOINT] = setpoints[0];
        v[SupervisedClimateController.VENTILATION_SETPOINT] = setpoints[1];
        v[SupervisedClimateController.CO2_SETPOINT] = setpoints[2];
        v[SupervisedClimateController.LAMP_COMMAND] = setpoints[3];
        loopInput.setClock(in.secondOfDay(), in.dayOfYear());
        loops.decide(loopInput, out);
    }

    @Override
    public void reset() {
        if (rule != null) {
            rule.reset();
        }
    }

    /**
     * The rule-based controller's decision as set-points: heating as its current heating set-point, the
     * ventilation set-point its dead zone above, CO2 its day set-point while it is day inside (400 ppm
     * otherwise), and its lamp command — each within {@link #SETPOINT_MIN}..{@link #SETPOINT_MAX}.
     *
     * @param rule a controller that has just decided {@code ruleCommands}
     * @param out receives heating [°C], ventilation [°C], CO2 [ppm] and lamps [0 or 1]
     */
    public static void ruleSetpoints(RuleBasedClimateController rule, double[] ruleCommands, double[] out) {
        RuleBasedClimateController.Signals sig = rule.signals();
        out[0] = clamp(sig.heatSetPoint(), SETPOINT_MIN[0], SETPOINT_MAX[0]);
        out[1] = clamp(sig.heatSetPoint() + rule.settings().heatDeadZone(), SETPOINT_MIN[1], SETPOINT_MAX[1]);
        out[2] = sig.isDayInside() > 0.5 ? rule.settings().co2SpDay() : 400;
        out[3] = ruleCommands[RuleBasedClimateController.U_LAMP];
    }

    /**
     * Applies residual corrections: offsets added to the heating, ventilation and CO2 set-points (each
     * clipped to its range) and the lamp override (below −0.5 off, above 0.5 on, else the rule's). {@code
     * out} may be {@code ruleSetpoints}.
     */
    public static void correct(double[] ruleSetpoints, double[] correction, double[] out) {
        double lamp = correction[3] < -0.5 ? 0 : correction[3] > 0.5 ? 1 : ruleSetpoints[3];
        for (int k = 0; k < 3; k++) {
            out[k] = clamp(ruleSetpoints[k] + correction[k], SETPOINT_MIN[k], SETPOINT_MAX[k]);
        }
        out[3] = lamp;
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }
}
