package systems.rala.runtime.tick;

import java.util.List;
import systems.rala.runtime.control.ControlInput;
import systems.rala.runtime.control.Point;

/** The last stage of a {@link ControlTick}: makes any commands safe for the equipment. */
public interface SafetyStage {

    /**
     * Writes the safe version of {@code raw} into {@code safe} and appends one text per intervention to
     * {@code interventions} (e.g. {@code rate_limited:uRoof}).
     *
     * @param nowMillis the tick's time [ms since the epoch]
     * @param commands the command points, in the order of {@code raw} and {@code safe}
     * @param readings the site's readings ({@link systems.rala.runtime.control.rules.RuleBasedClimateController}
     *     order; NaN where missing)
     */
    void apply(
            long nowMillis,
            List<Point> commands,
            ControlInput readings,
            double[] raw,
            double[] safe,
            List<String> interventions);

    /** No safety layer: passes commands through (tests of the tick's own logic only). */
    SafetyStage NONE =
            (now, commands, readings, raw, safe, interventions) -> System.arraycopy(raw, 0, safe, 0, raw.length);
}
