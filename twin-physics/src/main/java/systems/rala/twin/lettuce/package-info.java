/**
 * The lettuce greenhouse model of Van Henten (1994, 2003): four states (crop dry weight, indoor CO2,
 * temperature and humidity), three inputs (CO2 supply, ventilation, heating) in the units and bounds of the
 * RL/MPC lettuce benchmark, and the benchmark's unit conversions. {@link
 * systems.rala.twin.lettuce.VanHentenLettuce} is the model, {@link systems.rala.twin.lettuce.VanHentenParameters}
 * its parameters, {@link systems.rala.twin.lettuce.LettuceUnits} the conversions.
 */
package systems.rala.twin.lettuce;
