package systems.rala.env.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvRegistryTest {

    @Test
    void makesPendulumById() {
        Env env = EnvRegistry.make("Pendulum-v1");
        assertThat(env.id()).isEqualTo("Pendulum-v1");
        assertThat(env.observationSpace().size()).isEqualTo(3);
        assertThat(EnvRegistry.ids()).contains("Pendulum-v1");
        assertThat(EnvRegistry.entries())
                .filteredOn(e -> e.id().equals("Pendulum-v1"))
                .singleElement()
                .satisfies(e -> assertThat(e.description()).contains("pendulum").contains("200 steps"));
    }

    @Test
    void anUnknownIdListsTheRegisteredOnes() {
        assertThatThrownBy(() -> EnvRegistry.make("Pendulum-v0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no environment 'Pendulum-v0'; registered: [")
                .hasMessageContaining("Pendulum-v1");
    }

    @Test
    void anUnknownOptionListsTheValidOnes() {
        assertThatThrownBy(() -> EnvRegistry.make("Pendulum-v1", Map.of("gravity", "9.81")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Pendulum-v1: unknown option(s) [gravity]; options of this environment:"
                        + " [g, max_episode_steps]");
    }

    @Test
    void invalidOptionValuesAreNamed() {
        assertThatThrownBy(() -> EnvRegistry.make("Pendulum-v1", Map.of("g", "ten")))
                .hasMessage("option g = 'ten' is not a number");
        assertThatThrownBy(() -> EnvRegistry.make("Pendulum-v1", Map.of("g", "-1")))
                .hasMessage("option g = -1 is outside the allowed range 0.0 to 100.0");
        assertThatThrownBy(() -> EnvRegistry.make("Pendulum-v1", Map.of("max_episode_steps", "2.5")))
                .hasMessage("option max_episode_steps = 2.5 is not an integer");
    }

    @Test
    void idsAreCheckedAndRegisteredOnce() {
        assertThatThrownBy(() -> EnvRegistry.register("pendulum", "x", o -> null))
                .hasMessage("environment id 'pendulum' must look like Name-v0");
        assertThatThrownBy(() -> EnvRegistry.register("Pendulum-v1", "again", o -> null))
                .hasMessage("environment Pendulum-v1 is already registered");
    }
}
