package systems.rala.env.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpacesTest {

    private static final BoxSpace BOX = new BoxSpace(List.of(
            new BoxSpace.Component("air_temperature", "C", "air temperature", 5, 40),
            new BoxSpace.Component("co2", "ppm", "CO2 concentration", 300, 2000)));

    @Test
    void boxViolationsNameComponentValueUnitAndBounds() {
        assertThat(BOX.violation(new double[] {20, 400})).isNull();
        assertThat(BOX.contains(new double[] {20, 400})).isTrue();
        assertThat(BOX.violation(new double[] {20, 2500})).isEqualTo("co2 = 2500.0 ppm is outside [300.0, 2000.0]");
        assertThat(BOX.violation(new double[] {Double.NaN, 400}))
                .isEqualTo("air_temperature = NaN C is outside [5.0, 40.0]");
        assertThat(BOX.violation(new double[] {20})).isEqualTo("vector has 1 components, the space 2");
        assertThat(BOX.contains(new double[] {4.999, 400})).isFalse();
        assertThat(BOX.contains(new double[] {5, 2000})).isTrue(); // bounds are inside
    }

    @Test
    void boxClipsSamplesAndFindsComponents() {
        double[] v = {50, Double.NaN};
        BOX.clip(v);
        assertThat(v).containsExactly(40, 300); // NaN becomes the lower bound
        SplittableRandom r = new SplittableRandom(1);
        double[] s = new double[2];
        for (int i = 0; i < 1_000; i++) {
            BOX.sample(r, s);
            assertThat(BOX.contains(s)).isTrue();
        }
        assertThat(BOX.index("co2")).isEqualTo(1);
        assertThatThrownBy(() -> BOX.index("rh")).hasMessage("no component 'rh'; the space has [air_temperature, co2]");
        assertThat(BOX.toString()).isEqualTo("Box[air_temperature [C] 5.0..40.0, co2 [ppm] 300.0..2000.0]");
    }

    @Test
    void componentsNeedANameAndFiniteOrderedBounds() {
        assertThatThrownBy(() -> new BoxSpace.Component(" ", "-", "", 0, 1)).hasMessage("component name is empty");
        assertThatThrownBy(() -> new BoxSpace.Component("x", "-", "", 1, 1))
                .hasMessage("component x: bounds [1.0, 1.0] must be finite with low < high");
        assertThatThrownBy(() -> new BoxSpace.Component("x", "-", "", 0, Double.POSITIVE_INFINITY))
                .hasMessageContaining("must be finite");
        assertThatThrownBy(() -> new BoxSpace(List.of())).hasMessage("a box needs at least one component");
    }

    @Test
    void discreteViolationsNameTheChoice() {
        DiscreteSpace d = new DiscreteSpace(List.of("off", "low", "high"));
        assertThat(d.n()).isEqualTo(3);
        assertThat(d.size()).isEqualTo(1);
        assertThat(d.violation(new double[] {2})).isNull();
        assertThat(d.violation(new double[] {3})).isEqualTo("choice 3.0 is not an index 0..2");
        assertThat(d.violation(new double[] {-1})).isEqualTo("choice -1.0 is not an index 0..2");
        assertThat(d.violation(new double[] {1.5})).isEqualTo("choice 1.5 is not an index 0..2");
        assertThat(d.violation(new double[] {Double.NaN})).isEqualTo("choice NaN is not an index 0..2");
        assertThat(d.violation(new double[] {0, 1})).isEqualTo("a discrete action is one index, got 2 values");
        double[] s = new double[1];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 100; i++) {
            d.sample(r, s);
            assertThat(d.contains(s)).isTrue();
        }
        assertThatThrownBy(() -> new DiscreteSpace(List.of("only")))
                .hasMessage("a discrete space needs at least 2 choices, got 1");
    }
}
