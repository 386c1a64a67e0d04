package systems.rala.train.ppo;

/**
 * Orthogonal initialisation (Saxe, McClelland &amp; Ganguli 2014) as PyTorch's {@code nn.init.orthogonal_}: a
 * Gaussian matrix is orthonormalised by QR with the signs of R's diagonal made positive, transposed first when
 * it has fewer rows than columns, and scaled by the gain. Gram–Schmidt (modified, with one re-orthogonalisation
 * pass) gives the same Q as a sign-corrected Householder QR.
 */
final class Orthogonal {

    private Orthogonal() {}

    /** Fills the (rows × cols, row-major) matrix at {@code out[off..]} with a scaled orthogonal matrix. */
    static void fill(float[] out, int off, int rows, int cols, double gain, Rng rng) {
        boolean transpose = rows < cols;
        int m = transpose ? cols : rows; // tall: m ≥ k
        int k = transpose ? rows : cols;
        double[][] q = new double[k][m]; // column j of the tall matrix in q[j]
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                q[j][i] = rng.nextGaussian();
            }
        }
        for (int j = 0; j < k; j++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < j; p++) {
                    double dot = 0;
                    for (int i = 0; i < m; i++) {
                        dot += q[p][i] * q[j][i];
                    }
                    for (int i = 0; i < m; i++) {
                        q[j][i] -= dot * q[p][i];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < m; i++) {
                norm += q[j][i] * q[j][i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < m; i++) {
                q[j][i] /= norm;
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = transpose ? q[r][c] : q[c][r];
                out[off + r * cols + c] = (float) (gain * v);
            }
        }
    }
}
