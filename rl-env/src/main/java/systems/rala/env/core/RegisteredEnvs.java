package systems.rala.env.core;

import systems.rala.env.classic.PendulumEnv;
import systems.rala.env.lettuce.LettuceEnv;
import systems.rala.env.wrappers.TimeLimit;

/** The environments RALA ships; each task registers itself here. */
final class RegisteredEnvs {

    private RegisteredEnvs() {}

    static void registerAll() {
        EnvRegistry.register(
                PendulumEnv.ID,
                "Gymnasium's classic-control pendulum swing-up: torque in [-2, 2] N m, observation [cos θ, sin θ,"
                        + " θ̇], reward −(θ² + 0.1 θ̇² + 0.001 u²), cut at 200 steps. Options: g (m/s², default"
                        + " 10.0), max_episode_steps (default 200)",
                options -> {
                    double g = options.number("g", PendulumEnv.DEFAULT_G, 0.0, 100.0);
                    int maxSteps = options.integer("max_episode_steps", 200, 1, 100_000_000);
                    return new TimeLimit(new PendulumEnv(g), maxSteps);
                });
        EnvRegistry.register(
                "GreenhouseTomato-v0",
                "Dutch Venlo tomato greenhouse with top-lights (GreenLight twin, Katzin 2021), profit with climate penalties",
                true,
                systems.rala.env.tomato.TomatoEnv::new);
        EnvRegistry.register(LettuceEnv.ID, LettuceEnv.DESCRIPTION, true, LettuceEnv::new);
    }
}
