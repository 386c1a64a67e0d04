package systems.rala.runtime.control.baseline;

/**
 * A discrete PID loop in parallel form with output limits, integrator anti-windup by conditional
 * integration (the integral stops growing while the output is saturated in its direction, Åström &amp;
 * Hägglund 2006, "Advanced PID Control", §3.5) and the derivative taken on the measurement, not the error,
 * so set-point steps do not kick the output. Allocation-free.
 */
public final class Pid {

    private final double kp;
    private final double ti;
    private final double td;
    private final double min;
    private final double max;
    private double integral;
    private double lastMeasurement = Double.NaN;

    /**
     * @param kp proportional gain [output unit per measurement unit]
     * @param ti integral time [s] (infinite: no integral action)
     * @param td derivative time [s] (0: none)
     * @param min lowest output
     * @param max highest output
     */
    public Pid(double kp, double ti, double td, double min, double max) {
        if (!Double.isFinite(kp) || !(ti > 0) || !(td >= 0) || !(min < max)) {
            throw new IllegalArgumentException("PID kp " + kp + ", ti " + ti + " s, td " + td + " s, limits [" + min
                    + ", " + max + "]: need finite kp, ti > 0, td >= 0, min < max");
        }
        this.kp = kp;
        this.ti = ti;
        this.td = td;
        this.min = min;
        this.max = max;
    }

    /** The output for {@code setpoint} and {@code measurement} after {@code dt} seconds since the last call. */
    public double update(double setpoint, double measurement, double dt) {
        if (!Double.isFinite(measurement) || !Double.isFinite(setpoint)) {
            return min; // no actuation on a missing reading
        }
        double error = setpoint - measurement;
        double derivative = Double.isNaN(lastMeasurement) || dt <= 0 ? 0 : -(measurement - lastMeasurement) / dt;
        lastMeasurement = measurement;
        double unsat = kp * (error + integral / ti + td * derivative);
        double out = Math.max(min, Math.min(max, unsat));
        // integrating further would push the output deeper into its limit (for either sign of kp)
        boolean saturatedHigh = unsat > max && kp * error > 0;
        boolean saturatedLow = unsat < min && kp * error < 0;
        if (dt > 0 && Double.isFinite(ti) && !saturatedHigh && !saturatedLow) {
            integral += error * dt;
        }
        return out;
    }

    /** Clears the integral and derivative memory. */
    public void reset() {
        integral = 0;
        lastMeasurement = Double.NaN;
    }
}
