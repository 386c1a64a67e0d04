package systems.rala.train.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link MlpPolicy}'s reference forward on hand-computed cases, and its shape checks. */
class MlpPolicyTest {

    private static final MlpPolicy.Normalization NORM =
            new MlpPolicy.Normalization(new double[] {1, -2}, new double[] {4, 0.25}, 1e-8, 3);

    /**
     * One hidden unit h = tanh(z0 - z1), action mean a = 2h, action in [10, 30] (low + (a+1)/2 × 20). For
     * x = (3, -1.5): z = ((3-1)/2, (-1.5+2)/0.5) = (1, 1), h = tanh(0) = 0, a = 0, action 20.
     */
    @Test
    void computesTheDocumentedForward() {
        MlpPolicy p = new MlpPolicy(
                NORM,
                List.of(new MlpPolicy.Dense(new float[][] {{1, -1}}, new float[] {0})),
                new MlpPolicy.Dense(new float[][] {{2}}, new float[] {0}),
                new double[] {10},
                new double[] {30});
        double[] a = new double[1];
        p.act(new double[] {3, -1.5}, a);
        assertThat(a[0]).isCloseTo(20, within(1e-6));
        // z = (0.5, 1): h = tanh(-0.5), a = 2 tanh(-0.5) = -0.924..., action = 10 + (1 - 0.924...) × 10
        p.act(new double[] {2, -1.5}, a);
        assertThat(a[0]).isCloseTo(10 + (1 + 2 * Math.tanh(-0.5)) * 10, within(1e-6));
        // z0 clipped at 3 (x0 = 101 would give 50), z1 = 0: h = tanh(3), a = 2 tanh(3) > 1, clipped: 30
        p.act(new double[] {101, -2}, a);
        assertThat(a[0]).isEqualTo(30);
    }

    @Test
    void shapesAreChecked() {
        MlpPolicy.Dense wrongIn = new MlpPolicy.Dense(new float[][] {{1, 2, 3}}, new float[] {0});
        assertThatThrownBy(() -> new MlpPolicy(NORM, List.of(wrongIn), wrongIn, new double[1], new double[1]))
                .hasMessage("hidden layer 0 takes 3 inputs, expected 2 (the size of the observation)");
        MlpPolicy.Dense head = new MlpPolicy.Dense(new float[][] {{1, 2}}, new float[] {0});
        assertThatThrownBy(() -> new MlpPolicy(NORM, List.of(), head, new double[] {1}, new double[] {0}))
                .hasMessage("action 0: bounds [1.0, 0.0], expected finite with low <= high");
        assertThatThrownBy(() -> new MlpPolicy.Dense(new float[][] {{1, 2}, {3}}, new float[] {0, 0}))
                .hasMessage("dense layer weight row 1 has 1 values, expected 2 (the length of row 0)");
        assertThatThrownBy(() -> new MlpPolicy.Normalization(new double[] {0}, new double[] {-1}, 1e-8, 10))
                .hasMessage(
                        "normalisation variance[0] = -1.0, expected >= 0 and within float32 range (the graph stores it as float32)");
        MlpPolicy p = new MlpPolicy(NORM, List.of(), head, new double[] {0}, new double[] {1});
        assertThatThrownBy(() -> p.act(new double[3], new double[1]))
                .hasMessage("observation has 3 values, expected 2");
    }

    @Test
    void arraysAreCopied() {
        float[][] w = {{1, 2}};
        MlpPolicy.Dense d = new MlpPolicy.Dense(w, new float[] {0});
        w[0][0] = 99;
        d.weight()[0][1] = 99;
        assertThat(d.weight()[0]).containsExactly(1, 2);
    }
}
