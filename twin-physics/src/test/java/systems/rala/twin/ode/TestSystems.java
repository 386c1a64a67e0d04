package systems.rala.twin.ode;

/** Test problems with known solutions; none allocates in {@code derivatives}. */
final class TestSystems {

    private TestSystems() {}

    /**
     * x' = A x with A = V diag(-1, -1e4) V^-1, V = [[1, 1], [0, 1]]: A = [[-1, -9999], [0, -1e4]]. From
     * x(0) = (2, 1) = V (1, 1) the solution is x(t) = V exp(diag(-1, -1e4) t) (1, 1) = (e^-t + e^-1e4t, e^-1e4t).
     */
    static final class StiffLinear implements OdeSystem {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void derivatives(double t, double[] x, double[] dxdt) {
            dxdt[0] = -x[0] - 9999.0 * x[1];
            dxdt[1] = -1e4 * x[1];
        }

        static double[] initial() {
            return new double[] {2.0, 1.0};
        }

        static double[] exact(double t) {
            double fast = Math.exp(-1e4 * t);
            return new double[] {Math.exp(-t) + fast, fast};
        }
    }

    /**
     * Prothero &amp; Robinson (1974): y' = λ (y − g(t)) + g'(t) with g = sin t; from y(0) = g(0) the solution
     * is y = g for every λ. λ = −1e6 makes it very stiff.
     */
    static final class ProtheroRobinson implements OdeSystem {
        final double lambda;

        ProtheroRobinson(double lambda) {
            this.lambda = lambda;
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public void derivatives(double t, double[] x, double[] dxdt) {
            dxdt[0] = lambda * (x[0] - Math.sin(t)) + Math.cos(t);
        }
    }

    /**
     * Two decoupled nonstiff equations with closed forms: x1' = −x1² (x1 = 1/(1 + t) from 1) and
     * x2' = x2 cos t (x2 = exp(sin t) from 1), the second non-autonomous.
     */
    static final class Nonstiff implements OdeSystem {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void derivatives(double t, double[] x, double[] dxdt) {
            dxdt[0] = -x[0] * x[0];
            dxdt[1] = x[1] * Math.cos(t);
        }

        static double[] exact(double t) {
            return new double[] {1.0 / (1.0 + t), Math.exp(Math.sin(t))};
        }
    }

    /**
     * Robertson's chemical kinetics (Robertson 1966; Hairer &amp; Wanner, Solving ODEs II, §IV.1):
     * y1' = −0.04 y1 + 1e4 y2 y3, y2' = 0.04 y1 − 1e4 y2 y3 − 3e7 y2², y3' = 3e7 y2², from (1, 0, 0). y2 stays
     * near 1e-5, so it gets error weight 1e4 (its absolute tolerance 1e-4 of the others').
     */
    static final class Robertson implements OdeSystem {
        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dydt) {
            double r1 = 0.04 * y[0];
            double r2 = 1e4 * y[1] * y[2];
            double r3 = 3e7 * y[1] * y[1];
            dydt[0] = -r1 + r2;
            dydt[1] = r1 - r2 - r3;
            dydt[2] = r3;
        }

        @Override
        public double errorWeight(int i) {
            return i == 1 ? 1e4 : 1.0;
        }
    }

    /**
     * First-order relaxation x' = −(x − g(t))/τ towards g = a + b sin(ωt), τ = 1 s, ω = 2π/day, a = 20, b = 5:
     * a lamp or thin screen following its surroundings. Solution from x(0) = x0:
     * x = p(t) + (x0 − p(0)) e^(−t/τ), p = a + b (sin ωt − ωτ cos ωt)/(1 + ω²τ²).
     */
    static final class Relaxation implements OdeSystem {
        static final double TAU = 1.0;
        static final double OMEGA = 2 * Math.PI / 86400.0;

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public void derivatives(double t, double[] x, double[] dxdt) {
            dxdt[0] = -(x[0] - (20.0 + 5.0 * Math.sin(OMEGA * t))) / TAU;
        }

        static double particular(double t) {
            double wt = OMEGA * TAU;
            return 20.0 + 5.0 * (Math.sin(OMEGA * t) - wt * Math.cos(OMEGA * t)) / (1 + wt * wt);
        }

        static double exact(double t, double x0) {
            return particular(t) + (x0 - particular(0)) * Math.exp(-t / TAU);
        }
    }

    /**
     * A stiff linear 30-state heat chain, like a greenhouse's layers: node i has heat capacity
     * C_i = 10^(4 i / 29) (1 … 1e4 J/K per unit area) and exchanges 1 W/K with each neighbour; node 0 also with
     * the outside, g(t) = 10 + 5 sin(2πt/day) °C, and node 15 receives a heating power q [W] held constant
     * within each control step. Time constants span about 0.5 s to 1e5 s. State 30 integrates the heat lost to
     * the outside (an accumulator with error weight 0: it feeds nothing back).
     */
    static final class HeatChain implements OdeSystem {
        static final int NODES = 30;
        final double[] capacity = new double[NODES];
        double heating;

        HeatChain() {
            for (int i = 0; i < NODES; i++) {
                capacity[i] = Math.pow(10.0, 4.0 * i / (NODES - 1));
            }
        }

        @Override
        public int dimension() {
            return NODES + 1;
        }

        @Override
        public void derivatives(double t, double[] x, double[] dxdt) {
            double outside = 10.0 + 5.0 * Math.sin(2 * Math.PI * t / 86400.0);
            double loss = x[0] - outside;
            for (int i = 0; i < NODES; i++) {
                double q = 0.0;
                if (i > 0) {
                    q += x[i - 1] - x[i];
                }
                if (i < NODES - 1) {
                    q += x[i + 1] - x[i];
                }
                if (i == 0) {
                    q -= loss;
                }
                if (i == 15) {
                    q += heating;
                }
                dxdt[i] = q / capacity[i];
            }
            dxdt[NODES] = loss;
        }

        @Override
        public double errorWeight(int i) {
            return i == NODES ? 0.0 : 1.0;
        }

        static double[] initial() {
            double[] x = new double[NODES + 1];
            java.util.Arrays.fill(x, 0, NODES, 15.0);
            return x;
        }
    }
}
