package systems.rala.train.ppo;

import java.util.Arrays;

/**
 * Running mean and variance of vectors by the parallel (Chan et al. 1979) update, as Stable-Baselines3's
 * {@code RunningMeanStd}: starts at count 1e-4, mean 0, variance 1. Used for observation normalisation and
 * for the scale of the discounted return.
 */
public final class RunningMeanStd {

    private final double[] mean;
    private final double[] var;
    private double count = 1e-4;

    /** Statistics of vectors of {@code size} components. */
    public RunningMeanStd(int size) {
        mean = new double[size];
        var = new double[size];
        Arrays.fill(var, 1.0);
    }

    /** Adds a batch of {@code n} vectors stored row after row in {@code batch}. */
    public void update(double[] batch, int n) {
        int d = mean.length;
        for (int j = 0; j < d; j++) {
            double bm = 0;
            for (int i = 0; i < n; i++) {
                bm += batch[i * d + j];
            }
            bm /= n;
            double bv = 0;
            for (int i = 0; i < n; i++) {
                double e = batch[i * d + j] - bm;
                bv += e * e;
            }
            bv /= n;
            double delta = bm - mean[j];
            double tot = count + n;
            double newMean = mean[j] + delta * n / tot;
            double m2 = var[j] * count + bv * n + delta * delta * count * n / tot;
            mean[j] = newMean;
            var[j] = m2 / tot;
        }
        count += n;
    }

    /** Normalises {@code in} into {@code out}: (x − mean) / sqrt(var + 1e-8), clipped to ±clip. */
    public void normalize(double[] in, double[] out, int n, double clip) {
        int d = mean.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double z = (in[i * d + j] - mean[j]) / Math.sqrt(var[j] + 1e-8);
                out[i * d + j] = Math.max(-clip, Math.min(clip, z));
            }
        }
    }

    public double[] mean() {
        return mean;
    }

    public double[] var() {
        return var;
    }

    public double count() {
        return count;
    }

    /** Restores statistics. */
    public void set(double[] m, double[] v, double c) {
        System.arraycopy(m, 0, mean, 0, mean.length);
        System.arraycopy(v, 0, var, 0, var.length);
        count = c;
    }
}
