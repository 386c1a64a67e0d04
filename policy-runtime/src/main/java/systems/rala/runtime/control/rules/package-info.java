/**
 * GreenLight's rule-based greenhouse climate controller (Katzin et al. 2021): the baseline for learned policies and the
 * fall-back controller on site. Start with {@link systems.rala.runtime.control.rules.RuleBasedClimateController} and its
 * {@link systems.rala.runtime.control.rules.RuleBasedSettings}.
 */
package systems.rala.runtime.control.rules;
