/**
 * {@code GreenhouseLettuce-v0}: the Van Henten lettuce RL/MPC benchmark as an environment ({@link
 * systems.rala.env.lettuce.LettuceEnv}), with its per-episode weather ({@link
 * systems.rala.env.lettuce.LettuceWeather}).
 */
package systems.rala.env.lettuce;
