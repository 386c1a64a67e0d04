/**
 * Wrappers, each changing one thing about the environment inside it: {@link
 * systems.rala.env.wrappers.TimeLimit}, {@link systems.rala.env.wrappers.NormalizeObservation}, {@link
 * systems.rala.env.wrappers.RescaleAction}, {@link systems.rala.env.wrappers.ClipAction}, {@link
 * systems.rala.env.wrappers.DeltaAction}, {@link systems.rala.env.wrappers.EpisodeStatistics}, {@link
 * systems.rala.env.wrappers.SensorNoise} and {@link systems.rala.env.wrappers.SensorDelay}. None allocates
 * per step once warm.
 */
package systems.rala.env.wrappers;
