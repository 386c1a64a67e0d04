package systems.rala.runtime.safety;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import systems.rala.runtime.control.ControlInput;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.tick.ControlTick;
import systems.rala.runtime.tick.SafetyStage;

/**
 * A {@link SafetyLayer} as the {@link SafetyStage} of a {@link ControlTick}:
 *
 * <pre>{@code
 * ControlTick tick = ControlTick.builder(store)
 *         .safety(new SafetyLayerStage(new SafetyLayer(SafetyConfig.load(Path.of("safety.properties")))))
 *         .build();
 * }</pre>
 *
 * <ul>
 *   <li><b>Elapsed time</b> for the rate limits and timers is the difference between the ticks' {@code nowMillis}
 *       [ms] in seconds; a clock that steps back gives a negative interval, which the layer takes as 0 s.
 *   <li><b>Readings</b> are the tick's controller readings, whose first three are the layer's ({@code
 *       RuleBasedClimateController.READING_POINTS}); NaN where the tick found them missing or stale.
 *   <li><b>Commands</b> must be the configuration's actuators, in order: checked with {@link
 *       SafetyConfig#requireMatches} when a tick first passes its command list.
 *   <li><b>Interventions</b>: for each actuator whose safe command differs from the raw one, one entry per reason
 *       code, {@code <code>:<actuator>} with the code in lower case (e.g. {@code rate_limited:uRoof}, {@code
 *       over_temperature:uBoil}, {@code reading_unavailable:uExtCo2}, {@code non_finite_command:uLamp}). These are
 *       the stable codes of the audit record ({@code AuditRecord.interventions}): nothing is added when no command was
 *       changed. The texts are made once, so a tick adds entries to the list without building strings; the full
 *       record, with reasons on unchanged commands and the tripped guards, is {@link #lastResult()}.
 * </ul>
 *
 * Not thread-safe, like the tick that owns it.
 */
public final class SafetyLayerStage implements SafetyStage {

    private static final ReasonCode[] CODES = ReasonCode.values();

    private final SafetyLayer layer;
    private final String[][] texts;
    private List<Point> checked;
    private boolean started;
    private long lastMillis;

    /** A stage around {@code layer}, which it owns from now on (no other caller should {@code apply} it). */
    public SafetyLayerStage(SafetyLayer layer) {
        this.layer = Objects.requireNonNull(layer, "layer");
        List<ActuatorLimits> a = layer.config().actuators();
        texts = new String[a.size()][CODES.length];
        for (int i = 0; i < a.size(); i++) {
            for (ReasonCode c : CODES) {
                texts[i][c.ordinal()] = wireCode(c) + ":" + a.get(i).name();
            }
        }
    }

    /** The code as it appears in an intervention text: the enum name in lower case ({@code rate_limited}). */
    public static String wireCode(ReasonCode code) {
        return code.name().toLowerCase(Locale.ROOT);
    }

    /** The layer it applies. */
    public SafetyLayer layer() {
        return layer;
    }

    /** The layer's full record of the last tick ({@link SafetyLayer#result()}). */
    public SafetyResult lastResult() {
        return layer.result();
    }

    /**
     * Makes {@code raw} safe into {@code safe} and appends the interventions.
     *
     * @throws IllegalArgumentException if {@code commands} are not the configuration's actuators
     */
    @Override
    public void apply(
            long nowMillis,
            List<Point> commands,
            ControlInput readings,
            double[] raw,
            double[] safe,
            List<String> interventions) {
        if (commands != checked) {
            layer.config().requireMatches(commands);
            checked = commands;
        }
        double elapsedS = started ? (nowMillis - lastMillis) / 1000.0 : 0.0;
        started = true;
        lastMillis = nowMillis;
        SafetyResult r = layer.apply(readings.values(), raw, elapsedS, safe);
        for (int i = 0; i < r.size(); i++) {
            int why = r.reasons(i);
            if (why != 0 && r.intervened(i)) {
                for (ReasonCode c : CODES) {
                    if (c.in(why)) {
                        interventions.add(texts[i][c.ordinal()]);
                    }
                }
            }
        }
    }

    /** Forgets the previous tick's time and resets the layer ({@link SafetyLayer#reset()}). */
    public void reset() {
        started = false;
        layer.reset();
    }
}
