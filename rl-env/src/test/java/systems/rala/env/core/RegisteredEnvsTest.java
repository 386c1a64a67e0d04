package systems.rala.env.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every environment in the registry, with its default configuration, passes the environment checker. */
class RegisteredEnvsTest {

    @Test
    void everyRegisteredEnvironmentPassesTheChecker() {
        assertThat(EnvRegistry.ids()).contains("GreenhouseTomato-v0");
        for (String id : EnvRegistry.ids()) {
            assertThat(EnvChecker.check(() -> EnvRegistry.make(id), 60)).as(id).isEmpty();
        }
    }
}
