package systems.rala.env.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsAndOptionsTest {

    @Test
    void streamsAreReproducibleAndDistinct() {
        Set<Long> firsts = new HashSet<>();
        for (int s = 0; s <= Seeds.SENSORS; s++) {
            assertThat(Seeds.stream(42, s).nextLong())
                    .isEqualTo(Seeds.stream(42, s).nextLong());
            assertThat(Seeds.derive(42, s)).isEqualTo(Seeds.stream(42, s).nextLong());
            firsts.add(Seeds.derive(42, s));
        }
        assertThat(firsts).hasSize(Seeds.SENSORS + 1);
        assertThat(Seeds.derive(43, Seeds.WEATHER)).isNotEqualTo(Seeds.derive(42, Seeds.WEATHER));
    }

    @Test
    void optionsAreTypedRangedAndAllUsed() {
        EnvOptions o = new EnvOptions(Map.of("n", "3", "on", "yes", "mode", "fast", "x", " 1.5 "));
        assertThat(o.integer("n", 1, 0, 10)).isEqualTo(3);
        assertThat(o.bool("on", false)).isTrue();
        assertThat(o.choice("mode", "slow", "slow", "fast")).isEqualTo("fast");
        assertThat(o.number("x", 0, 0, 2)).isEqualTo(1.5);
        assertThat(o.number("absent", 7, 0, 10)).isEqualTo(7);
        o.requireAllUsed();
        EnvOptions bad = new EnvOptions(Map.of("mode", "medium", "on", "perhaps", "typo", "1"));
        assertThatThrownBy(() -> bad.choice("mode", "slow", "slow", "fast"))
                .hasMessage("option mode = 'medium' is not one of slow, fast");
        assertThatThrownBy(() -> bad.bool("on", false)).hasMessage("option on = 'perhaps' is not true or false");
        assertThatThrownBy(bad::requireAllUsed)
                .hasMessage("unknown option(s) [typo]; options of this environment: [mode, on]");
    }
}
