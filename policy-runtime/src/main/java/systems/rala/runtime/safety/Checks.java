package systems.rala.runtime.safety;

/**
 * Validation of safety configuration: every message names the field (as its key in a {@code .properties} file), the
 * value and the allowed range, e.g. {@code safety: uRoof.max_rate_per_s = -0.1 is outside [0, inf)}.
 */
final class Checks {

    private Checks() {}

    /** {@code v} in {@code [lo, hi]}, or {@code (lo, …} / {@code …, hi)} where the flags say so. */
    static void within(String field, double v, double lo, boolean loOpen, double hi, boolean hiOpen, String note) {
        boolean aboveLo = loOpen ? v > lo : v >= lo;
        boolean belowHi = hiOpen ? v < hi : v <= hi;
        if (!(aboveLo && belowHi && Double.isFinite(v))) {
            throw new IllegalArgumentException("safety: " + field + " = " + num(v) + " is outside "
                    + (loOpen ? "(" : "[") + num(lo) + ", " + num(hi) + (hiOpen ? ")" : "]") + note);
        }
    }

    /** {@code v} in {@code [lo, hi]}. */
    static void closed(String field, double v, double lo, double hi) {
        within(field, v, lo, false, hi, false, "");
    }

    /** {@code v} in {@code [0, inf)}: a finite duration or rate. */
    static void nonNegative(String field, double v) {
        within(field, v, 0, false, Double.POSITIVE_INFINITY, true, "");
    }

    /** {@code v} finite. */
    static void finite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("safety: " + field + " = " + num(v) + " is not a finite number");
        }
    }

    static IllegalArgumentException missing(String field, String what) {
        return new IllegalArgumentException("safety: " + field + " is missing (" + what + ")");
    }

    /** Integers without a fraction, infinities as {@code inf}, everything else as {@link Double#toString}. */
    static String num(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
