package systems.rala.edge.loop;

import java.util.List;
import systems.rala.runtime.control.ControlInput;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.tick.SafetyStage;

/**
 * The control tick's last stage on the gateway: operator overrides replace the acting controller's commands
 * before the safety layer (which keeps the last word: an override cannot open the vents in a frost), and the
 * site's point limits bound what the safety layer lets through. Adds {@code operator_override:<actuator>} and
 * {@code point_limit:<actuator>} to the tick's interventions beside the safety layer's codes.
 */
final class OverrideStage implements SafetyStage {

    private final SafetyStage safety;
    private final double[] overrides;
    private final double[] low;
    private final double[] high;
    private final String[] overrideTexts;
    private final String[] limitTexts;
    private double[] buffer = new double[0];

    /**
     * @param safety the safety layer's stage
     * @param commands the tick's command points
     * @param low per command, the lowest value its point may take, in the command's unit (-inf if unmapped)
     * @param high per command, the highest, in the command's unit (+inf if unmapped)
     */
    OverrideStage(SafetyStage safety, List<Point> commands, double[] low, double[] high) {
        this.safety = safety;
        int n = commands.size();
        this.overrides = new double[n];
        java.util.Arrays.fill(overrides, Double.NaN);
        this.low = low.clone();
        this.high = high.clone();
        this.overrideTexts = new String[n];
        this.limitTexts = new String[n];
        for (int i = 0; i < n; i++) {
            overrideTexts[i] = "operator_override:" + commands.get(i).name();
            limitTexts[i] = "point_limit:" + commands.get(i).name();
        }
    }

    /** Holds command {@code i} at {@code value} (its unit) from the next tick on; NaN releases it. */
    void override(int i, double value) {
        overrides[i] = value;
    }

    /** The override of command {@code i}, or NaN. */
    double override(int i) {
        return overrides[i];
    }

    @Override
    public void apply(
            long nowMillis,
            List<Point> commands,
            ControlInput readings,
            double[] raw,
            double[] safe,
            List<String> interventions) {
        if (buffer.length != raw.length) {
            buffer = new double[raw.length];
        }
        System.arraycopy(raw, 0, buffer, 0, raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (!Double.isNaN(overrides[i])) {
                buffer[i] = overrides[i];
                interventions.add(overrideTexts[i]);
            }
        }
        safety.apply(nowMillis, commands, readings, buffer, safe, interventions);
        for (int i = 0; i < safe.length; i++) {
            double v = Math.max(low[i], Math.min(high[i], safe[i]));
            if (v != safe[i]) {
                safe[i] = v;
                interventions.add(limitTexts[i]);
            }
        }
    }
}
