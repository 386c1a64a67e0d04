package systems.rala.env.core;

/** The environments RALA ships; each task registers itself here. */
final class RegisteredEnvs {

    private RegisteredEnvs() {}

    static void registerAll() {
        // tasks add themselves here: Pendulum-v1, GreenhouseLettuce-v0, GreenhouseTomato-v0
        EnvRegistry.register(
                "GreenhouseTomato-v0",
                "Dutch Venlo tomato greenhouse with top-lights (GreenLight twin, Katzin 2021), profit with climate penalties",
                systems.rala.env.tomato.TomatoEnv::new);
    }
}
