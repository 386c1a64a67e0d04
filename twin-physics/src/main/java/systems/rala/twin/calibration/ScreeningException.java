package systems.rala.twin.calibration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One evaluation of a screening failed: the objective threw, or returned a wrong number of outputs or a value
 * that is not finite. Names the evaluation and the parameter values it ran with, so the failing corner of
 * the parameter space can be rerun alone; the objective's own exception is the cause.
 */
public final class ScreeningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int evaluation;
    private final transient Map<String, Double> values;

    ScreeningException(int evaluation, int total, Map<String, Double> values, String problem, Throwable cause) {
        super("evaluation " + (evaluation + 1) + " of " + total + " at " + format(values) + ": " + problem, cause);
        this.evaluation = evaluation;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Index of the failed evaluation (0-based, the row of {@link MorrisScreening#points()}). */
    public int evaluation() {
        return evaluation;
    }

    /** The screened parameters' values of the failed evaluation, in the screening's order. */
    public Map<String, Double> values() {
        return values;
    }

    private static String format(Map<String, Double> values) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(e.getKey()).append(" = ").append(e.getValue());
        }
        return s.toString();
    }
}
