package systems.rala.train.ppo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** The DJL side of PPO: forward parity with the Java pass, the gradient against finite differences, memory. */
class DjlLearnerTest {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private static ActorCritic net(int obs, int act, long seed) {
        ActorCritic net = new ActorCritic(obs, act, new int[] {16, 8});
        net.initialise(new Rng(seed), -0.3);
        // larger output weights than ortho_init's 0.01 so the policy mean is not ≈ 0
        Rng r = new Rng(seed + 1);
        float[] p = net.params();
        for (int i = 0; i < p.length; i++) {
            p[i] += (float) (0.2 * r.nextGaussian());
        }
        return net;
    }

    @Test
    void javaForwardPassMatchesDjl() {
        ActorCritic net = net(5, 2, 1);
        int b = 200;
        Rng r = new Rng(9);
        float[] obs = new float[b * 5];
        double[] obsD = new double[b * 5];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = (float) (3 * r.nextGaussian());
            obsD[i] = obs[i];
        }
        double[] mean = new double[2];
        double worst = 0;
        try (DjlLearner l = new DjlLearner(net)) {
            float[][] ref = l.forward(obs, b);
            for (int i = 0; i < b; i++) {
                net.actionMean(obsD, i * 5, mean, 0);
                worst = Math.max(worst, Math.abs(mean[0] - ref[0][2 * i]));
                worst = Math.max(worst, Math.abs(mean[1] - ref[0][2 * i + 1]));
                worst = Math.max(worst, Math.abs(net.value(obsD, i * 5) - ref[1][i]));
            }
        }
        assertTrue(worst < 1e-5, "max |Java − DJL| = " + worst);
    }

    /** PPO's loss written out from Schulman et al. (2017, eq. 7, 9) in double precision, with the Java forward. */
    private static double loss(
            ActorCritic net,
            double[] obs,
            float[] act,
            float[] oldLogp,
            float[] adv,
            float[] ret,
            float[] oldV,
            int b,
            double eps,
            double epsVf,
            double ent,
            double vf) {
        int o = net.obsSize();
        int a = net.actSize();
        double[] mean = new double[a];
        double pg = 0;
        double vl = 0;
        double logStdSum = 0;
        for (int j = 0; j < a; j++) {
            logStdSum += net.logStd(j);
        }
        for (int i = 0; i < b; i++) {
            net.actionMean(obs, i * o, mean, 0);
            double logp = -logStdSum - 0.5 * a * LOG_2PI;
            for (int j = 0; j < a; j++) {
                double z = (act[i * a + j] - mean[j]) / Math.exp(net.logStd(j));
                logp -= 0.5 * z * z;
            }
            double ratio = Math.exp(logp - oldLogp[i]);
            pg += -Math.min(ratio * adv[i], Math.max(1 - eps, Math.min(1 + eps, ratio)) * adv[i]);
            double v = net.value(obs, i * o);
            if (epsVf > 0) { // SB3: V_old + clip(V − V_old, ±ε_vf)
                v = oldV[i] + Math.max(-epsVf, Math.min(epsVf, v - oldV[i]));
            }
            double d = v - ret[i];
            vl += d * d;
        }
        double entropy = logStdSum + 0.5 * a * (1 + LOG_2PI);
        return pg / b - ent * entropy + vf * vl / b;
    }

    @Test
    void autogradGradientMatchesFiniteDifferencesOfTheLossAsPublished() {
        checkGradient(0);
    }

    @Test
    void withValueClippingToo() {
        checkGradient(0.1);
    }

    private static void checkGradient(double epsVf) {
        ActorCritic net = net(4, 2, 2);
        int b = 32;
        Rng r = new Rng(4);
        float[] obs = new float[b * 4];
        double[] obsD = new double[b * 4];
        float[] act = new float[b * 2];
        float[] oldLogp = new float[b];
        float[] adv = new float[b];
        float[] ret = new float[b];
        float[] oldV = new float[b];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = (float) r.nextGaussian();
            obsD[i] = obs[i];
        }
        for (int i = 0; i < b; i++) {
            act[2 * i] = (float) r.nextGaussian();
            act[2 * i + 1] = (float) r.nextGaussian();
            // old log-probabilities near the current ones, so that some ratios are clipped and some are not
            oldLogp[i] = (float) (-2.5 + 0.3 * r.nextGaussian());
            adv[i] = (float) r.nextGaussian();
            ret[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < b; i++) {
            // old values around the current ones, so that value clipping is active for some samples only
            oldV[i] = (float) (net.value(obsD, i * 4) + 0.2 * r.nextGaussian());
        }
        double eps = 0.2;
        double ent = 0.01;
        double vf = 0.5;
        try (DjlLearner l = new DjlLearner(net)) {
            DjlLearner.Stats s = l.step(obs, act, oldLogp, adv, ret, oldV, b, eps, epsVf, ent, vf, 0);
            assertTrue(!s.skipped);
            float[] g = l.gradient().clone();
            float[] p = net.params();
            int checked = 0;
            for (int k = 0; k < p.length; k += 7) {
                float saved = p[k];
                double h = 1e-3;
                p[k] = (float) (saved + h);
                double up = loss(net, obsD, act, oldLogp, adv, ret, oldV, b, eps, epsVf, ent, vf);
                p[k] = (float) (saved - h);
                double down = loss(net, obsD, act, oldLogp, adv, ret, oldV, b, eps, epsVf, ent, vf);
                p[k] = saved;
                double fd = (up - down) / (2 * h);
                assertEquals(fd, g[k], 2e-3 + 2e-2 * Math.abs(fd), "parameter " + k);
                checked++;
            }
            assertTrue(checked > 20);
            // the loss value itself
            double ref = loss(net, obsD, act, oldLogp, adv, ret, oldV, b, eps, epsVf, ent, vf);
            double djl = s.policyLoss - ent * s.entropy + vf * s.valueLoss;
            assertEquals(ref, djl, 1e-4 * Math.max(1, Math.abs(ref)));
        }
    }

    @Test
    void minibatchesLeaveNoNativeArraysBehind() {
        ActorCritic net = net(3, 1, 3);
        int b = 64;
        float[] obs = new float[b * 3];
        float[] x = new float[b];
        NDManager system;
        try (NDManager probe = NDManager.newBaseManager("PyTorch")) {
            system = probe.getParentManager(); // the engine's system manager, root of every manager
        }
        try (DjlLearner l = new DjlLearner(net)) {
            l.step(obs, x, x, x, x, x, b, 0.2, 0.1, 0, 0.5, 0);
            int before = system.getManagedArrays().size();
            for (int i = 0; i < 300; i++) {
                l.step(obs, x, x, x, x, x, b, 0.2, 0.1, 0, 0.5, 0);
            }
            assertEquals(0, l.liveArrays(), "arrays left in the learner's manager");
            assertEquals(before, system.getManagedArrays().size(), "arrays left in the engine's system manager");
        }
    }
}
