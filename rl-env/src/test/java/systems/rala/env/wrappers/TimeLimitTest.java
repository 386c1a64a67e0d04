package systems.rala.env.wrappers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import systems.rala.env.core.Step;
import systems.rala.env.testing.CountingEnv;

class TimeLimitTest {

    private final double[] a = {0.0};

    @Test
    void truncatesOnTheLastStepAndNeverTerminates() {
        TimeLimit env = new TimeLimit(new CountingEnv(), 3);
        env.reset(1);
        for (int k = 1; k <= 2; k++) {
            Step s = env.step(a);
            assertThat(s.truncated).isFalse();
            assertThat(env.elapsed()).isEqualTo(k);
        }
        Step s = env.step(a);
        assertThat(s.truncated).isTrue();
        assertThat(s.terminated).isFalse();
        assertThat(s.observation[0]).isEqualTo(3); // observation, reward and info are the inner ones
        assertThat(s.reward).isEqualTo(3);
        assertThat(s.info.get("count")).isEqualTo(3);
    }

    @Test
    void terminationOnTheLastStepKeepsBothFlags() {
        TimeLimit env = new TimeLimit(new CountingEnv(1, -1, 1, 3), 3);
        env.reset(1);
        env.step(a);
        env.step(a);
        Step s = env.step(a);
        assertThat(s.terminated).isTrue();
        assertThat(s.truncated).isTrue();
    }

    @Test
    void earlierTerminationIsNotTruncation() {
        TimeLimit env = new TimeLimit(new CountingEnv(1, -1, 1, 2), 5);
        env.reset(1);
        env.step(a);
        Step s = env.step(a);
        assertThat(s.terminated).isTrue();
        assertThat(s.truncated).isFalse();
    }

    @Test
    void refusesStepsAfterTheLimitUntilReset() {
        TimeLimit env = new TimeLimit(new CountingEnv(), 1);
        assertThatThrownBy(() -> env.step(a))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before reset()");
        env.reset(1);
        env.step(a);
        assertThatThrownBy(() -> env.step(a))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Counting-v0: step() after the episode ended (time limit 1 steps); call reset()");
        env.reset();
        assertThat(env.elapsed()).isZero();
        assertThat(env.step(a).truncated).isTrue();
    }

    @Test
    void aRefusedActionDoesNotCount() {
        TimeLimit env = new TimeLimit(new CountingEnv(), 2);
        env.reset(1);
        assertThatThrownBy(() -> env.step(new double[] {11})).isInstanceOf(IllegalArgumentException.class);
        assertThat(env.elapsed()).isZero();
    }

    @Test
    void limitMustBePositive() {
        assertThatThrownBy(() -> new TimeLimit(new CountingEnv(), 0)).hasMessageContaining("maxSteps = 0");
    }
}
