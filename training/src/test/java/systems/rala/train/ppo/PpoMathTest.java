package systems.rala.train.ppo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The numerical pieces of PPO against their definitions: orthogonality, GAE, Adam, running statistics. */
class PpoMathTest {

    @Test
    void orthogonalInitialisationGivesOrthonormalRowsOrColumnsTimesTheGain() {
        Rng rng = new Rng(3);
        for (int[] shape : new int[][] {{64, 3}, {3, 64}, {64, 64}, {1, 64}}) {
            int rows = shape[0];
            int cols = shape[1];
            float[] w = new float[rows * cols];
            double gain = Math.sqrt(2);
            Orthogonal.fill(w, 0, rows, cols, gain, rng);
            // the smaller Gram matrix W·Wᵀ (rows ≤ cols) or Wᵀ·W (rows ≥ cols) is gain²·I
            int k = Math.min(rows, cols);
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    double dot = 0;
                    for (int i = 0; i < Math.max(rows, cols); i++) {
                        dot += rows <= cols
                                ? (double) w[a * cols + i] * w[b * cols + i]
                                : (double) w[i * cols + a] * w[i * cols + b];
                    }
                    assertEquals(a == b ? gain * gain : 0.0, dot, 1e-5, rows + "x" + cols + " at " + a + "," + b);
                }
            }
        }
    }

    @Test
    void gaeRecursionEqualsItsDefinitionAsADiscountedSumOfTdErrors() {
        int steps = 12;
        int n = 3;
        double gamma = 0.97;
        double lambda = 0.9;
        Rng rng = new Rng(11);
        double[] r = new double[steps * n];
        double[] v = new double[steps * n];
        boolean[] d = new boolean[steps * n];
        double[] last = new double[n];
        for (int i = 0; i < r.length; i++) {
            r[i] = rng.nextGaussian();
            v[i] = rng.nextGaussian();
            d[i] = rng.nextDouble() < 0.15;
        }
        for (int e = 0; e < n; e++) {
            last[e] = rng.nextGaussian();
        }
        double[] adv = new double[steps * n];
        double[] ret = new double[steps * n];
        Gae.compute(r, v, d, last, steps, n, gamma, lambda, adv, ret);
        for (int e = 0; e < n; e++) {
            for (int t = 0; t < steps; t++) {
                // Schulman et al. 2016, eq. 16: A_t = Σ_l (γλ)^l δ_{t+l}, stopping after the step that ends the episode
                double sum = 0;
                double w = 1;
                for (int u = t; u < steps; u++) {
                    int idx = u * n + e;
                    double next = u + 1 < steps ? v[(u + 1) * n + e] : last[e];
                    double delta = r[idx] + (d[idx] ? 0 : gamma * next) - v[idx];
                    sum += w * delta;
                    if (d[idx]) {
                        break;
                    }
                    w *= gamma * lambda;
                }
                assertEquals(sum, adv[t * n + e], 1e-12);
                assertEquals(sum + v[t * n + e], ret[t * n + e], 1e-12);
            }
        }
    }

    @Test
    void gaeWithLambdaOneIsTheMonteCarloReturnMinusTheValue() {
        int steps = 6;
        double gamma = 0.5;
        double[] r = {1, 2, 3, 4, 5, 6};
        double[] v = {9, 9, 9, 9, 9, 9};
        boolean[] d = {false, false, true, false, false, false};
        double[] adv = new double[6];
        double[] ret = new double[6];
        Gae.compute(r, v, d, new double[] {8}, steps, 1, gamma, 1.0, adv, ret);
        // hand-computed: episode 1 ends after step 2; episode 2 is bootstrapped with V = 8 after step 5
        assertEquals(1 + 0.5 * 2 + 0.25 * 3, ret[0], 1e-12);
        assertEquals(3, ret[2], 1e-12);
        assertEquals(4 + 0.5 * 5 + 0.25 * 6 + 0.125 * 8, ret[3], 1e-12);
        assertEquals(ret[3] - 9, adv[3], 1e-12);
    }

    @Test
    void adamMatchesTheAlgorithmOfKingmaAndBaOnAQuadratic() {
        // minimise ½‖p − c‖²; PyTorch's first step moves each component by lr·sign(g) (m̂/√v̂ = ±1)
        float[] p = {1f, -2f, 0.5f};
        float[] c = {0f, 0f, 0f};
        Adam adam = new Adam(3, 1e-8);
        float[] g = new float[3];
        for (int i = 0; i < 3; i++) {
            g[i] = p[i] - c[i];
        }
        adam.step(p, g, 1.0, 0.1);
        assertEquals(0.9f, p[0], 1e-6);
        assertEquals(-1.9f, p[1], 1e-6);
        assertEquals(0.4f, p[2], 1e-6);
        for (int k = 0; k < 2000; k++) {
            for (int i = 0; i < 3; i++) {
                g[i] = p[i] - c[i];
            }
            adam.step(p, g, 1.0, 0.01);
        }
        for (float x : p) {
            assertTrue(Math.abs(x) < 1e-2, "converges to the minimum: " + x);
        }
    }

    @Test
    void runningStatisticsEqualTheBatchMeanAndVarianceOfEverythingSeen() {
        RunningMeanStd rms = new RunningMeanStd(2);
        Rng rng = new Rng(5);
        double[] all = new double[2 * 300];
        int k = 0;
        for (int batch = 0; batch < 30; batch++) {
            double[] b = new double[2 * 10];
            for (int i = 0; i < 10; i++) {
                b[2 * i] = 3 + 2 * rng.nextGaussian();
                b[2 * i + 1] = -1 + 0.1 * rng.nextGaussian();
                all[k++] = b[2 * i];
                all[k++] = b[2 * i + 1];
            }
            rms.update(b, 10);
        }
        for (int j = 0; j < 2; j++) {
            double m = 0;
            for (int i = 0; i < 300; i++) {
                m += all[2 * i + j];
            }
            m /= 300;
            double var = 0;
            for (int i = 0; i < 300; i++) {
                var += (all[2 * i + j] - m) * (all[2 * i + j] - m);
            }
            var /= 300;
            // SB3's prior (count 1e-4, mean 0, var 1) shifts the result by O(1e-4 / 300)
            assertEquals(m, rms.mean()[j], 1e-5 * Math.max(1, Math.abs(m)));
            assertEquals(var, rms.var()[j], 1e-5 * Math.max(1, var) + 1e-6);
        }
    }
}
