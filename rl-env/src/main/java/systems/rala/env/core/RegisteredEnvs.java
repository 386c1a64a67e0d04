package systems.rala.env.core;

import systems.rala.env.lettuce.LettuceEnv;

/** The environments RALA ships; each task registers itself here. */
final class RegisteredEnvs {

    private RegisteredEnvs() {}

    static void registerAll() {
        // tasks add themselves here: Pendulum-v1, GreenhouseLettuce-v0, GreenhouseTomato-v0
        EnvRegistry.register(LettuceEnv.ID, LettuceEnv.DESCRIPTION, LettuceEnv::new);
    }
}
