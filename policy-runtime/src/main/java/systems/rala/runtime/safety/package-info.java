/**
 * The safety layer between any controller and the greenhouse equipment: hard bounds, rate limits, on/off hysteresis
 * and minimum times per actuator, and state guards (over-temperature, frost, humidity, CO2 ceiling) that override the
 * controller, each intervention with a {@link systems.rala.runtime.safety.ReasonCode} for the audit trail. Start with
 * {@link systems.rala.runtime.safety.SafetyLayer} and its {@link systems.rala.runtime.safety.SafetyConfig}.
 */
package systems.rala.runtime.safety;
