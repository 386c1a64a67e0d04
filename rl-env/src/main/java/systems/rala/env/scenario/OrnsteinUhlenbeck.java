package systems.rala.env.scenario;

import java.util.SplittableRandom;
import systems.rala.twin.sim.WeatherPerturbation;
import systems.rala.twin.weather.WeatherVariable;

/**
 * Weather perturbation for one episode: Ornstein–Uhlenbeck deviations of the air temperature [K] and of the
 * global radiation (relative) — mean-reverting noise with stationary standard deviation σ and correlation
 * time τ, as Sinergym perturbs its weather per episode. Drawn at hourly knots when the episode starts (exact
 * discretisation: x_{k+1} = x_k e^{−Δ/τ} + σ √(1 − e^{−2Δ/τ}) ε) and interpolated linearly, so it is a smooth,
 * deterministic function of time that allocates nothing when applied. Humidity follows: vapour pressure is
 * kept, so relative humidity changes with the temperature; the sky temperature moves with the air.
 */
public final class OrnsteinUhlenbeck implements WeatherPerturbation {

    private static final double KNOT = 3600.0;

    private final double[] temp;
    private final double[] rad;

    /**
     * Deviations for an episode of {@code seconds}, temperature σ {@code tempSigmaK} [K], radiation σ {@code
     * radSigma} [-], correlation time {@code tauHours} [h], drawn from {@code rng}.
     */
    public OrnsteinUhlenbeck(
            double seconds, double tempSigmaK, double radSigma, double tauHours, SplittableRandom rng) {
        if (!(tempSigmaK >= 0) || !(radSigma >= 0) || !(radSigma < 1) || !(tauHours > 0)) {
            throw new IllegalArgumentException("weather noise: temperature sigma " + tempSigmaK
                    + " K (>= 0), radiation sigma " + radSigma + " (0 to 1), tau " + tauHours + " h (> 0)");
        }
        int n = (int) Math.ceil(seconds / KNOT) + 2;
        temp = new double[n];
        rad = new double[n];
        double a = Math.exp(-KNOT / (tauHours * 3600.0));
        double b = Math.sqrt(1 - a * a);
        temp[0] = tempSigmaK * rng.nextGaussian();
        rad[0] = radSigma * rng.nextGaussian();
        for (int k = 1; k < n; k++) {
            temp[k] = a * temp[k - 1] + tempSigmaK * b * rng.nextGaussian();
            rad[k] = a * rad[k - 1] + radSigma * b * rng.nextGaussian();
        }
    }

    @Override
    public void apply(double t, double[] d) {
        double u = Math.max(0, t / KNOT);
        int k = Math.min((int) u, temp.length - 2);
        double w = u - k;
        double dT = temp[k] + w * (temp[k + 1] - temp[k]);
        double dR = rad[k] + w * (rad[k + 1] - rad[k]);
        int ta = WeatherVariable.AIR_TEMPERATURE.ordinal();
        d[ta] += dT;
        d[WeatherVariable.SKY_TEMPERATURE.ordinal()] += dT;
        int gr = WeatherVariable.GLOBAL_RADIATION.ordinal();
        d[gr] = Math.max(0, d[gr] * (1 + dR));
    }
}
