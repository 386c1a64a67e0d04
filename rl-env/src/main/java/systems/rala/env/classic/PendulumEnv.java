package systems.rala.env.classic;

import java.util.List;
import java.util.SplittableRandom;
import systems.rala.env.core.AbstractEnv;
import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.Seeds;
import systems.rala.env.core.Space;

/**
 * Gymnasium's classic-control {@code Pendulum-v1}: swing a pendulum up and keep it upright with a limited
 * torque. The dynamics, bounds and reward are those of {@code gymnasium/envs/classic_control/pendulum.py};
 * {@code EnvRegistry.make("Pendulum-v1")} wraps it in {@code TimeLimit(200)}, as Gymnasium's registration
 * does. This class itself never ends an episode.
 *
 * <p><b>Description.</b> A rigid pendulum of mass m = 1 kg and length l = 1 m turns about a fixed pivot.
 * θ is its angle from upright (θ = 0 upright, positive counter-clockwise); the torque τ acts at the pivot,
 * positive counter-clockwise.
 *
 * <p><b>Action space</b> (a box of one component):
 *
 * <table>
 *   <caption>Actions</caption>
 *   <tr><th>index</th><th>name</th><th>meaning</th><th>unit</th><th>min</th><th>max</th></tr>
 *   <tr><td>0</td><td>{@code torque}</td><td>torque τ applied at the pivot</td><td>N m</td><td>−2.0</td>
 *       <td>2.0</td></tr>
 * </table>
 *
 * <p><b>Observation space</b> (a box of three components):
 *
 * <table>
 *   <caption>Observations</caption>
 *   <tr><th>index</th><th>name</th><th>meaning</th><th>unit</th><th>min</th><th>max</th></tr>
 *   <tr><td>0</td><td>{@code cos_theta}</td><td>x = cos θ of the free end</td><td>- (m for l = 1)</td>
 *       <td>−1.0</td><td>1.0</td></tr>
 *   <tr><td>1</td><td>{@code sin_theta}</td><td>y = sin θ of the free end</td><td>- (m for l = 1)</td>
 *       <td>−1.0</td><td>1.0</td></tr>
 *   <tr><td>2</td><td>{@code theta_dot}</td><td>angular velocity θ̇</td><td>rad/s</td><td>−8.0</td>
 *       <td>8.0</td></tr>
 * </table>
 *
 * <p><b>Dynamics</b> (semi-implicit Euler, Δt = 0.05 s): with u the torque clipped to [−2, 2],
 *
 * <pre>
 *   θ̇' = clip(θ̇ + (3g/(2l)·sin θ + 3/(m l²)·u)·Δt, −8, 8)
 *   θ'  = θ + θ̇'·Δt           (the new, clipped velocity)
 * </pre>
 *
 * <p>θ itself is not wrapped; it accumulates over turns. g is 10.0 m/s² unless given.
 *
 * <p><b>Reward</b>: r = −(norm(θ)² + 0.1·θ̇² + 0.001·u²), from the state <i>before</i> the step, with norm(θ)
 * = ((θ + π) mod 2π) − π in [−π, π) (floor modulo, as numpy's {@code %}: see {@link #angleNormalize}). It
 * lies in [−(π² + 0.1·8² + 0.001·2²), 0] = [−16.2736044, 0].
 *
 * <p><b>Starting state</b>: θ ~ U(−π, π), θ̇ ~ U(−1, 1), drawn in that order from stream {@link
 * Seeds#INITIAL_STATE} of the episode seed.
 *
 * <p><b>Episode end</b>: never terminated; truncated only by a {@code TimeLimit} (200 steps in the registered
 * {@code Pendulum-v1}).
 *
 * <p><b>Arguments</b>: {@code g}, the gravitational acceleration in m/s² (registry option {@code g}).
 *
 * <p><b>Differences from Gymnasium.</b> Observations are doubles (Gymnasium casts them to float32); random
 * draws come from Java's SplittableRandom, so a seed gives a different initial state than in Python; there
 * is no rendering and no {@code x_init}/{@code y_init} reset option. Given the same state and torque, a step
 * computes the same float64 expressions in the same order.
 */
public final class PendulumEnv extends AbstractEnv {

    /** Registry id. */
    public static final String ID = "Pendulum-v1";

    /** Largest angular speed, rad/s. */
    public static final double MAX_SPEED = 8.0;
    /** Largest torque magnitude, N m. */
    public static final double MAX_TORQUE = 2.0;
    /** Time step, s. */
    public static final double DT = 0.05;
    /** Gymnasium's default gravitational acceleration, m/s². */
    public static final double DEFAULT_G = 10.0;
    /** Mass, kg. */
    public static final double M = 1.0;
    /** Length, m. */
    public static final double L = 1.0;

    private static final BoxSpace OBSERVATIONS = new BoxSpace(List.of(
            new BoxSpace.Component("cos_theta", "-", "cosine of the angle from upright", -1.0, 1.0),
            new BoxSpace.Component("sin_theta", "-", "sine of the angle from upright", -1.0, 1.0),
            new BoxSpace.Component("theta_dot", "rad/s", "angular velocity", -MAX_SPEED, MAX_SPEED)));

    private static final BoxSpace ACTIONS = new BoxSpace(List.of(new BoxSpace.Component(
            "torque", "N m", "torque at the pivot, positive counter-clockwise", -MAX_TORQUE, MAX_TORQUE)));

    private static final double TWO_PI = 2 * Math.PI;

    private final double g;
    private double theta;
    private double thetaDot;

    /** The pendulum with g = 10.0 m/s². */
    public PendulumEnv() {
        this(DEFAULT_G);
    }

    /** The pendulum with gravitational acceleration {@code g} (m/s², finite and not negative). */
    public PendulumEnv(double g) {
        super(3);
        if (!(g >= 0 && g < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("g = " + g + " m/s² must be finite and not negative");
        }
        this.g = g;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public BoxSpace observationSpace() {
        return OBSERVATIONS;
    }

    @Override
    public Space actionSpace() {
        return ACTIONS;
    }

    /** Gravitational acceleration, m/s². */
    public double g() {
        return g;
    }

    /** The angle θ from upright, rad, not wrapped. */
    public double theta() {
        return theta;
    }

    /** The angular velocity θ̇, rad/s. */
    public double thetaDot() {
        return thetaDot;
    }

    /**
     * Sets the state of the running episode (as Gymnasium's {@code env.unwrapped.state = ...}) and writes
     * its observation into the current step record. For tests and for starting from chosen states.
     */
    public void setState(double theta, double thetaDot) {
        if (!Double.isFinite(theta) || !(Math.abs(thetaDot) <= MAX_SPEED)) {
            throw new IllegalArgumentException("state theta = " + theta + " rad, theta_dot = " + thetaDot
                    + " rad/s: theta must be finite and theta_dot in [-8, 8]");
        }
        this.theta = theta;
        this.thetaDot = thetaDot;
        observe();
    }

    /**
     * θ mapped to [−π, π) by floor modulo, as numpy's {@code ((x + π) % (2π)) − π}: Java's {@code %} keeps
     * the sign of the dividend, numpy's that of the divisor, so a negative remainder is moved up by 2π.
     */
    public static double angleNormalize(double x) {
        double r = (x + Math.PI) % TWO_PI; // IEEE remainder of truncated division (C fmod), exact
        if (r < 0) {
            r += TWO_PI;
        }
        return r - Math.PI;
    }

    @Override
    protected void onReset(long seed) {
        SplittableRandom rng = Seeds.stream(seed, Seeds.INITIAL_STATE);
        theta = rng.nextDouble(-Math.PI, Math.PI);
        thetaDot = rng.nextDouble(-1.0, 1.0);
        observe();
    }

    @Override
    protected void onStep(double[] action) {
        double u = Math.max(-MAX_TORQUE, Math.min(MAX_TORQUE, action[0]));
        double th = angleNormalize(theta);
        double cost = th * th + 0.1 * thetaDot * thetaDot + 0.001 * (u * u);

        double newThetaDot = thetaDot + (3 * g / (2 * L) * Math.sin(theta) + 3.0 / (M * L * L) * u) * DT;
        newThetaDot = Math.max(-MAX_SPEED, Math.min(MAX_SPEED, newThetaDot));
        theta = theta + newThetaDot * DT;
        thetaDot = newThetaDot;

        step.reward = -cost;
        step.terminated = false;
        step.truncated = false;
        observe();
    }

    private void observe() {
        step.observation[0] = Math.cos(theta);
        step.observation[1] = Math.sin(theta);
        step.observation[2] = thetaDot;
    }
}
