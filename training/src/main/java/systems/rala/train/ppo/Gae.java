package systems.rala.train.ppo;

/**
 * Generalised advantage estimation (Schulman et al. 2016, "High-dimensional continuous control using
 * generalized advantage estimation", eq. 16) over a rollout of {@code steps} × {@code n} environments, by the
 * backward recursion {@code A_t = δ_t + γλ(1 − d_t)A_{t+1}}, {@code δ_t = r_t + γ(1 − d_t)V_{t+1} − V_t}, where
 * {@code d_t} says the episode ended after step t and V after the last step is {@code lastValues}. Returns (the
 * value targets) are {@code A_t + V_t}. Index of step t of env e: {@code t·n + e}.
 */
final class Gae {

    private Gae() {}

    static void compute(
            double[] rewards,
            double[] values,
            boolean[] dones,
            double[] lastValues,
            int steps,
            int n,
            double gamma,
            double lambda,
            double[] advantages,
            double[] returns) {
        for (int e = 0; e < n; e++) {
            double nextValue = lastValues[e];
            double last = 0;
            for (int t = steps - 1; t >= 0; t--) {
                int idx = t * n + e;
                double nonTerminal = dones[idx] ? 0.0 : 1.0;
                double delta = rewards[idx] + gamma * nextValue * nonTerminal - values[idx];
                last = delta + gamma * lambda * nonTerminal * last;
                advantages[idx] = last;
                returns[idx] = last + values[idx];
                nextValue = values[idx];
            }
        }
    }
}
