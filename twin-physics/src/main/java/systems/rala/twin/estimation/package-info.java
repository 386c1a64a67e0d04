/**
 * State estimation: the live twin. {@link systems.rala.twin.estimation.LiveTwin} keeps a {@link
 * systems.rala.twin.sim.Simulation} on the real greenhouse by fusing each round of sensor readings into its
 * state with an {@link systems.rala.twin.estimation.UnscentedKalmanFilter} (Julier &amp; Uhlmann 1997; Wan
 * &amp; van der Merwe 2000); {@link systems.rala.twin.estimation.TomatoEstimation} holds the estimated states
 * and sensors of the tomato greenhouse.
 */
package systems.rala.twin.estimation;
