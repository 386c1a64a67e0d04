package systems.rala.train.ppo;

/**
 * Adam (Kingma &amp; Ba 2015, Algorithm 1) on a flat float parameter array, in the form of PyTorch's {@code
 * torch.optim.Adam}: {@code p ← p − lr · m̂ / (√v̂ + ε)} with bias-corrected moments. The moments and the step
 * count are the optimiser's whole state and are saved in checkpoints.
 */
final class Adam {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;

    private final double[] m;
    private final double[] v;
    private final double eps;
    private long t;

    Adam(int size, double eps) {
        this.m = new double[size];
        this.v = new double[size];
        this.eps = eps;
    }

    /** One step on {@code params} with gradient {@code grad} scaled by {@code gradScale} (for norm clipping). */
    void step(float[] params, float[] grad, double gradScale, double lr) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        double stepSize = lr / c1;
        double sqrtC2 = Math.sqrt(c2);
        for (int i = 0; i < params.length; i++) {
            double g = grad[i] * gradScale;
            m[i] = BETA1 * m[i] + (1 - BETA1) * g;
            v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
            params[i] = (float) (params[i] - stepSize * m[i] / (Math.sqrt(v[i]) / sqrtC2 + eps));
        }
    }

    double[] firstMoment() {
        return m;
    }

    double[] secondMoment() {
        return v;
    }

    long steps() {
        return t;
    }

    void restore(double[] m1, double[] m2, long steps) {
        System.arraycopy(m1, 0, m, 0, m.length);
        System.arraycopy(m2, 0, v, 0, v.length);
        t = steps;
    }
}
