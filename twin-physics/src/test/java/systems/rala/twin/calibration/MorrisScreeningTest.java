package systems.rala.twin.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import systems.rala.twin.calibration.MorrisResult.OutputEffects;
import systems.rala.twin.calibration.MorrisResult.ParameterEffect;
import systems.rala.twin.calibration.MorrisScreening.Design;
import systems.rala.twin.model.ParameterSpec;
import systems.rala.twin.model.Parameters;

/**
 * The screening against functions whose elementary effects are known exactly or published: a linear function,
 * a product interaction, Sobol's g-function (exact expectation of μ* on the 4-level grid, and the ranking of
 * Campolongo et al. 2007) and the 20-factor test function of Morris (1991). Then the design's layout, its
 * determinism over thread counts, and the errors.
 */
class MorrisScreeningTest {

    /** k parameters x1..xk, each declared on [0, 1] with default 0.5 (ranges narrowed per test). */
    private static Parameters unitCube(int k) {
        List<ParameterSpec> specs = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            specs.add(new ParameterSpec("x" + i, 0.5, "-", "factor " + i, "test", 0, 1));
        }
        return Parameters.defaults(specs);
    }

    private static double[] x(Parameters p, int k) {
        double[] x = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = p.get("x" + (i + 1));
        }
        return x;
    }

    @Test
    void linearFunctionHasExactEffectsAndNoSpreadInBothDesigns() {
        // y = sum a_i x_i: every elementary effect of x_i is a_i times its range width, so mu = a_i w_i,
        // mu* = |a_i| w_i, sigma = 0 whatever the design, levels and seed (to rounding)
        double[] a = {3.0, -2.0, 0.5, 0.0, 12.0};
        double[][] bounds = {{0, 1}, {0.2, 0.7}, {0.1, 0.9}, {0, 1}, {0.45, 0.55}};
        Parameters base = unitCube(5);
        Objective linear = Objective.of(List.of("y", "minus y"), p -> {
            double[] x = x(p, 5);
            double y = 0;
            for (int i = 0; i < 5; i++) {
                y += a[i] * x[i];
            }
            return new double[] {y, -y};
        });
        for (Design design : Design.values()) {
            for (int levels : new int[] {2, 4, 6}) {
                MorrisScreening.Builder b = MorrisScreening.builder(base)
                        .design(design)
                        .levels(levels)
                        .trajectories(7)
                        .seed(levels);
                for (int i = 0; i < 5; i++) {
                    b.vary("x" + (i + 1), bounds[i][0], bounds[i][1]);
                }
                MorrisScreening screening = b.build();
                assertThat(screening.evaluations()).isEqualTo(7 * 6);
                MorrisResult r = screening.run(linear);
                for (int i = 0; i < 5; i++) {
                    double width = bounds[i][1] - bounds[i][0];
                    ParameterEffect e = r.output("y").effect("x" + (i + 1));
                    assertThat(e.mu()).as("%s p=%d x%d", design, levels, i + 1).isCloseTo(a[i] * width, within(1e-12));
                    assertThat(e.muStar()).isCloseTo(Math.abs(a[i]) * width, within(1e-12));
                    assertThat(e.sigma()).isLessThan(1e-12);
                    assertThat(r.output("minus y").effect("x" + (i + 1)).mu()).isCloseTo(-a[i] * width, within(1e-12));
                }
                // mu* = 3, 1.0, 0.4, 0, 1.2
                assertThat(r.output("y").rankedParameters()).containsExactly("x1", "x5", "x2", "x3", "x4");
            }
        }
    }

    @Test
    void productInteractionShowsAsSigmaOnlyForTheInteractingPair() {
        // y = x1 + x2 + 4 x1 x2 + 2 x3 (x4 unused): the effect of x1 is 1 + 4 x2, which varies with x2, so
        // sigma > 0 for x1 and x2; x3 is additive (sigma = 0, mu* = 2); x4 does nothing (mu* = sigma = 0)
        Objective f = Objective.of(List.of("y"), p -> {
            double[] x = x(p, 4);
            return new double[] {x[0] + x[1] + 4 * x[0] * x[1] + 2 * x[2]};
        });
        for (Design design : Design.values()) {
            MorrisResult r = MorrisScreening.builder(unitCube(4))
                    .vary("x1")
                    .vary("x2")
                    .vary("x3")
                    .vary("x4")
                    .design(design)
                    .trajectories(20)
                    .seed(3)
                    .build()
                    .run(f);
            OutputEffects y = r.output("y");
            assertThat(y.effect("x1").sigma()).as(design.name()).isGreaterThan(0.5);
            assertThat(y.effect("x2").sigma()).isGreaterThan(0.5);
            assertThat(y.effect("x3").sigma()).isLessThan(1e-12);
            assertThat(y.effect("x3").muStar()).isCloseTo(2.0, within(1e-12));
            assertThat(y.effect("x4").muStar()).isZero();
            assertThat(y.effect("x4").sigma()).isZero();
            // the effect of x1 is 1 + 4 x2 with x2 in [0, 1]: between 1 and 5, mean 3 over uniform grid levels
            for (double ee : y.effect("x1").elementaryEffects()) {
                assertThat(ee).isBetween(1.0 - 1e-12, 5.0 + 1e-12);
            }
            assertThat(y.rankedParameters().get(3)).isEqualTo("x4");
        }
    }

    /** Sobol's g-function: Π (|4 x_i − 2| + a_i) / (1 + a_i); small a_i = important factor. */
    private static Objective gFunction(double[] a) {
        return Objective.of(List.of("g"), p -> {
            double[] x = x(p, a.length);
            double g = 1;
            for (int i = 0; i < a.length; i++) {
                g *= (Math.abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
            }
            return new double[] {g};
        });
    }

    private static MorrisScreening.Builder allOf(int k) {
        MorrisScreening.Builder b = MorrisScreening.builder(unitCube(k));
        for (int i = 1; i <= k; i++) {
            b.vary("x" + i);
        }
        return b;
    }

    @Test
    void gFunctionMuStarMatchesItsExactExpectationOnTheFourLevelGrid() {
        // Campolongo et al. (2007) sec. 4 test case: k = 6, a = (78, 12, 0.5, 2, 97, 33).
        // On the 4-level grid (Δ = 2/3) a step of x_i goes 0 <-> 2/3 or 1/3 <-> 1, where |4x - 2| goes
        // 2 <-> 2/3: |Δg_i| = (4/3)/(1 + a_i), so |EE_i| = 2/(1 + a_i) times the other factors' product. Every
        // point is uniform on the grid and its coordinates independent, and E[(|4x - 2| + a)/(1 + a)] over the
        // levels is (4/3 + a)/(1 + a): E[mu*_i] = 2/(1 + a_i) Π_{j≠i} (4/3 + a_j)/(1 + a_j). By symmetry E[mu_i] = 0.
        double[] a = {78, 12, 0.5, 2, 97, 33};
        MorrisResult r = allOf(6).trajectories(4000).seed(2007).build().run(gFunction(a));
        OutputEffects g = r.output("g");
        for (int i = 0; i < 6; i++) {
            double expected = 2 / (1 + a[i]);
            for (int j = 0; j < 6; j++) {
                if (j != i) {
                    expected *= (4.0 / 3 + a[j]) / (1 + a[j]);
                }
            }
            ParameterEffect e = g.effect("x" + (i + 1));
            // within 4 standard errors of the Monte Carlo mean
            assertThat(e.muStar()).as("x%d", i + 1).isCloseTo(expected, within(4 * e.muStarStandardError()));
            assertThat(e.muStarStandardError()).isLessThan(0.02 * expected);
            assertThat(Math.abs(e.mu())).isLessThan(4 * e.sigma() / Math.sqrt(4000));
        }
    }

    @Test
    void gFunctionRankingIsThePublishedOne() {
        // Campolongo et al. (2007) Table 2: the ranking by mu* equals the analytic ranking by total
        // sensitivity, x3 > x4 > x2 > x6 > x1 > x5 (ascending a_i). With the design's default r = 10 the
        // three influential factors come first and in order for every seed; the near-inert x1, x5, x6
        // (mu* within 25 % of each other) need more groups to order: r = 200 orders all six
        double[] a = {78, 12, 0.5, 2, 97, 33};
        for (long seed = 1; seed <= 5; seed++) {
            List<String> top =
                    allOf(6).seed(seed).build().run(gFunction(a)).output("g").rankedParameters();
            assertThat(top.subList(0, 3)).as("seed %d", seed).containsExactly("x3", "x4", "x2");
        }
        List<String> all = allOf(6).trajectories(200)
                .seed(1)
                .build()
                .run(gFunction(a))
                .output("g")
                .rankedParameters();
        assertThat(all).containsExactly("x3", "x4", "x2", "x6", "x1", "x5");
    }

    /**
     * The 20-factor test function of Morris (1991) sec. 4 (as in R's sensitivity::morris.fun): w_i = 2(x_i −
     * 1/2), except w_i = 2(1.1 x_i/(x_i + 0.1) − 1/2) for i = 3, 5, 7; y = β0 + Σβ_i w_i + Σβ_ij w_i w_j +
     * Σβ_ijl w_i w_j w_l + Σβ_ijls w_i w_j w_l w_s, with β_i = 20 (i ≤ 10), β_ij = −15 (i, j ≤ 6), β_ijl = −10
     * (i, j, l ≤ 5), β_ijls = 5 (i, j, l, s ≤ 4); the other β_i and β_ij are standard normal (seeded here),
     * the other higher-order β zero.
     */
    private static Objective morris1991() {
        SplittableRandom rng = new SplittableRandom(1991);
        double[] b1 = new double[20];
        double[][] b2 = new double[20][20];
        for (int i = 0; i < 20; i++) {
            b1[i] = i < 10 ? 20 : gaussian(rng);
            for (int j = i + 1; j < 20; j++) {
                b2[i][j] = i < 6 && j < 6 ? -15 : gaussian(rng);
            }
        }
        double b0 = gaussian(rng);
        return Objective.of(List.of("y"), p -> {
            double[] x = x(p, 20);
            double[] w = new double[20];
            for (int i = 0; i < 20; i++) {
                w[i] = i == 2 || i == 4 || i == 6 ? 2 * (1.1 * x[i] / (x[i] + 0.1) - 0.5) : 2 * (x[i] - 0.5);
            }
            double y = b0;
            for (int i = 0; i < 20; i++) {
                y += b1[i] * w[i];
                for (int j = i + 1; j < 20; j++) {
                    y += b2[i][j] * w[i] * w[j];
                }
            }
            for (int i = 0; i < 5; i++) {
                for (int j = i + 1; j < 5; j++) {
                    for (int l = j + 1; l < 5; l++) {
                        y += -10 * w[i] * w[j] * w[l];
                    }
                }
            }
            y += 5 * w[0] * w[1] * w[2] * w[3];
            return new double[] {y};
        });
    }

    private static double gaussian(SplittableRandom rng) {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 17
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void morris1991TestFunctionSeparatesItsTenInfluentialFactorsAsPublished() {
        // Morris (1991) sec. 4: x1..x10 influential, x11..x20 not; of the ten, x8, x9, x10 act linearly
        // (small sigma) and x1..x7 non-linearly or through interactions (large sigma). r = 20 as in his study
        MorrisResult r = allOf(20).trajectories(20).seed(5).build().run(morris1991());
        OutputEffects y = r.output("y");
        Set<String> topTen = new HashSet<>(y.rankedParameters().subList(0, 10));
        assertThat(topTen).containsExactlyInAnyOrder("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10");
        double minSigmaNonLinear = Double.MAX_VALUE;
        for (int i = 1; i <= 7; i++) {
            minSigmaNonLinear = Math.min(minSigmaNonLinear, y.effect("x" + i).sigma());
        }
        for (int i = 8; i <= 10; i++) {
            assertThat(y.effect("x" + i).sigma()).as("x%d", i).isLessThan(minSigmaNonLinear);
            // linear: |mu| = mu*, the effects keep one sign
            assertThat(Math.abs(y.effect("x" + i).mu()))
                    .isCloseTo(y.effect("x" + i).muStar(), within(1e-9));
        }
        double minInfluential = y.ranking().get(9).muStar();
        double maxInert = y.ranking().get(10).muStar();
        assertThat(minInfluential).isGreaterThan(3 * maxInert);
    }

    @Test
    void trajectoryDesignMovesEachParameterOnceByDeltaOnTheGrid() {
        int k = 5;
        int p = 6;
        MorrisScreening s = allOf(k).levels(p).trajectories(300).seed(9).build();
        double[][] u = s.unitPoints();
        double delta = p / (2.0 * (p - 1));
        int[] levelCount = new int[p];
        for (int g = 0; g < 300; g++) {
            Set<Integer> moved = new HashSet<>();
            for (int step = 1; step <= k; step++) {
                double[] from = u[g * (k + 1) + step - 1];
                double[] to = u[g * (k + 1) + step];
                int changed = 0;
                for (int i = 0; i < k; i++) {
                    if (from[i] != to[i]) {
                        changed++;
                        moved.add(i);
                        assertThat(Math.abs(to[i] - from[i])).isCloseTo(delta, within(1e-12));
                    }
                }
                assertThat(changed).isEqualTo(1);
            }
            assertThat(moved).hasSize(k);
            for (int m = 0; m <= k; m++) {
                for (double v : u[g * (k + 1) + m]) {
                    double level = v * (p - 1);
                    assertThat(level).isCloseTo(Math.rint(level), within(1e-9));
                    levelCount[(int) Math.rint(level)]++;
                }
            }
        }
        // every level equally likely (Morris 1991, p even): 300 * 6 * 5 / 6 = 1500 per level, binomial sd ≈ 35
        for (int c : levelCount) {
            assertThat(c).isBetween(1500 - 175, 1500 + 175);
        }
        // physical values lie on the ranges' grids
        assertThat(s.points()[0][0]).isBetween(0.0, 1.0);
    }

    @Test
    void radialDesignMovesEachParameterFromTheBasePoint() {
        int k = 4;
        MorrisScreening s =
                allOf(k).design(Design.RADIAL).trajectories(50).seed(4).build();
        double[][] u = s.unitPoints();
        for (int g = 0; g < 50; g++) {
            double[] base = u[g * (k + 1)];
            for (int i = 0; i < k; i++) {
                double[] pt = u[g * (k + 1) + i + 1];
                for (int j = 0; j < k; j++) {
                    if (j == i) {
                        assertThat(pt[j]).isNotEqualTo(base[j]);
                    } else {
                        assertThat(pt[j]).isEqualTo(base[j]);
                    }
                }
            }
        }
    }

    @Test
    void spreadSelectionGivesAWiderDesignThanTheFirstCandidates() {
        MorrisScreening plain = allOf(6).trajectories(10).seed(8).build();
        MorrisScreening spread =
                allOf(6).trajectories(10).spreadCandidates(100).seed(8).build();
        double dPlain = MorrisScreening.spread(plain.unitPoints(), 7);
        double dSpread = MorrisScreening.spread(spread.unitPoints(), 7);
        assertThat(spread.evaluations()).isEqualTo(plain.evaluations());
        assertThat(dSpread).isGreaterThan(1.05 * dPlain);
    }

    @Test
    void resultsDependOnTheSeedOnlyNotOnThreadsAndProgressCountsEveryEvaluation() {
        double[] a = {78, 12, 0.5, 2, 97, 33};
        AtomicInteger calls = new AtomicInteger();
        List<int[]> seen = new ArrayList<>();
        MorrisResult one = allOf(6).threads(1).seed(42).build().run(gFunction(a));
        MorrisResult four = allOf(6).threads(4).seed(42).build().run(gFunction(a), (done, total) -> {
            calls.incrementAndGet();
            seen.add(new int[] {done, total});
        });
        assertThat(four).isEqualTo(one);
        assertThat(four.toJson()).isEqualTo(one.toJson());
        assertThat(calls.get()).isEqualTo(70);
        for (int n = 0; n < 70; n++) {
            assertThat(seen.get(n)).containsExactly(n + 1, 70);
        }
        MorrisResult other = allOf(6).threads(1).seed(43).build().run(gFunction(a));
        assertThat(other).isNotEqualTo(one);
    }

    @Test
    void analyseOfOutsideOutputsEqualsRun() {
        double[] a = {1, 2, 3};
        MorrisScreening s = allOf(3).seed(7).build();
        double[][] points = s.points();
        double[][] y = new double[points.length][];
        for (int n = 0; n < points.length; n++) {
            y[n] = gFunction(a).evaluate(s.parameterSet(n));
            assertThat(s.parameterSet(n).get("x2")).isEqualTo(points[n][1]);
        }
        assertThat(s.analyse(List.of("g"), y)).isEqualTo(s.run(gFunction(a)));
    }

    @Test
    void markdownAndJsonCarryEveryNumber() {
        MorrisResult r = MorrisScreening.builder(unitCube(2))
                .vary("x1", 0.2, 0.8)
                .vary("x2")
                .trajectories(3)
                .build()
                .run(Objective.of(List.of("sum \"quoted\""), p -> new double[] {2 * p.get("x1") + 0 * p.get("x2")}));
        String md = r.toMarkdown();
        assertThat(md)
                .contains("trajectory design, 3 groups, 4 levels, seed 1, 9 evaluations")
                .contains("| x1 | 0.2000 | 0.8000 |")
                .contains("### sum \"quoted\"")
                .contains("| 1 | x1 | 1.200 | 0.000 | 1.200 | 0.000 |")
                .contains("| 2 | x2 | 0.000 |");
        assertThat(r.toString()).isEqualTo(md);
        String json = r.toJson();
        assertThat(json)
                .startsWith("{\"design\":\"TRAJECTORY\",\"levels\":4,\"trajectories\":3,\"seed\":1,\"evaluations\":9,")
                .contains("{\"name\":\"x1\",\"low\":0.2,\"high\":0.8}")
                .contains("\"output\":\"sum \\\"quoted\\\"\"")
                .contains("\"parameter\":\"x2\",\"mu\":0.0,\"muStar\":0.0,\"sigma\":0.0");
        assertThat(r.overallRanking()).containsExactly("x1", "x2");
    }

    @Test
    void badRangesAndUnknownNamesAreRefusedNamingParameterValueAndRange() {
        Parameters base = Parameters.defaults(List.of(
                new ParameterSpec("cLeakage", 1e-4, "-", "leakage", "test", 0, 1e-2),
                new ParameterSpec("fixed", 1, "-", "a constant", "test", 1, 1)));
        assertThatThrownBy(() -> MorrisScreening.builder(base).vary("cLeak", 0, 1e-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown parameter 'cLeak'")
                .hasMessageContaining("known: cLeakage, fixed");
        assertThatThrownBy(() -> MorrisScreening.builder(base).vary("cLeakage", 1e-4, 2e-2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cLeakage")
                .hasMessageContaining("0.02")
                .hasMessageContaining("physical range 0.0 to 0.01");
        assertThatThrownBy(() -> MorrisScreening.builder(base).vary("cLeakage", -1e-4, 1e-3))
                .hasMessageContaining("-1.0E-4")
                .hasMessageContaining("physical range 0.0 to 0.01");
        assertThatThrownBy(() -> MorrisScreening.builder(base).vary("cLeakage", 2e-4, 1e-4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cLeakage")
                .hasMessageContaining("low = 2.0E-4 is not below high = 1.0E-4")
                .hasMessageContaining("0.0 to 0.01");
        assertThatThrownBy(() -> MorrisScreening.builder(base).vary("cLeakage", 1e-4, 1e-4))
                .hasMessageContaining("not below");
        assertThatThrownBy(() -> MorrisScreening.builder(base).vary("fixed"))
                .hasMessageContaining("fixed")
                .hasMessageContaining("single value");
        assertThatThrownBy(() -> MorrisScreening.builder(base).vary("cLeakage").vary("cLeakage", 0, 1e-3))
                .hasMessageContaining("already screened");
        assertThatThrownBy(() -> MorrisScreening.builder(base).build()).hasMessageContaining("no parameter");
        assertThatThrownBy(() -> MorrisScreening.builder(base).levels(3)).hasMessageContaining("levels = 3");
        assertThatThrownBy(() -> MorrisScreening.builder(base).trajectories(1))
                .hasMessageContaining("trajectories = 1");
        assertThatThrownBy(() -> MorrisScreening.builder(base).threads(0)).hasMessageContaining("threads = 0");
        assertThatThrownBy(() -> MorrisScreening.builder(base)
                        .vary("cLeakage")
                        .trajectories(10)
                        .spreadCandidates(5)
                        .build())
                .hasMessageContaining("spreadCandidates = 5");
    }

    @Test
    void aFailingEvaluationNamesItsParameterValuesAndKeepsTheCause() {
        for (int threads : new int[] {1, 2}) {
            MorrisScreening s = allOf(2).threads(threads).seed(1).build();
            assertThatThrownBy(() -> s.run(Objective.of(List.of("y"), p -> {
                        if (p.get("x1") > 0.9) {
                            throw new ArithmeticException("boom");
                        }
                        return new double[] {p.get("x1")};
                    })))
                    .isInstanceOf(ScreeningException.class)
                    .hasMessageContaining("x1 = 1.0")
                    .hasMessageContaining("x2 = ")
                    .hasMessageContaining("boom")
                    .hasCauseInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> s.run(Objective.of(List.of("y"), p -> new double[] {Double.NaN})))
                    .isInstanceOf(ScreeningException.class)
                    .hasMessageContaining("output y is NaN");
            assertThatThrownBy(() -> s.run(Objective.of(List.of("y", "z"), p -> new double[] {1})))
                    .isInstanceOf(ScreeningException.class)
                    .hasMessageContaining("1 outputs returned; expected 2 [y, z]");
        }
    }
}
