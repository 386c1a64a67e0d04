package systems.rala.twin.accounting;

/**
 * Economic and environmental constants of the accounting, each with its unit and source, checked when built.
 *
 * @param fruitPriceEurPerKg price of the fresh produce [€/kg fresh weight]
 * @param boilerEfficiency heat delivered to the pipes per unit of fuel energy (lower heating value) [-]
 * @param gasEmissionKgPerKwh CO2 emitted per kWh of natural gas burnt (lower heating value) [kg CO2e/kWh]
 * @param electricityEmissionKgPerKwh CO2 emitted per kWh of electricity bought [kg CO2e/kWh]
 */
public record Economics(
        double fruitPriceEurPerKg,
        double boilerEfficiency,
        double gasEmissionKgPerKwh,
        double electricityEmissionKgPerKwh) {

    /**
     * Natural gas: 56.4 kg CO2 per GJ (lower heating value) = 0.2030 kg/kWh, Netherlands list of fuels and
     * standard CO2 emission factors (RVO, Netherlands Enterprise Agency).
     */
    public static final double NATURAL_GAS_KG_CO2_PER_KWH = 56.4 * 3.6e-3;

    public Economics {
        check("fruitPriceEurPerKg", fruitPriceEurPerKg, 0, 1000);
        check("boilerEfficiency", boilerEfficiency, 0.1, 1.2);
        check("gasEmissionKgPerKwh", gasEmissionKgPerKwh, 0, 1);
        check("electricityEmissionKgPerKwh", electricityEmissionKgPerKwh, 0, 2);
    }

    /**
     * Tomato: 1.6 €/kg fresh fruit (GreenLight-Gym, van Laatum et al. 2024); a condensing boiler delivering
     * the fuel's lower heating value (efficiency 1.0; set your boiler's); natural gas as above; electricity
     * at 0.4 kg CO2/kWh, an assumed fossil-heavy grid average — set your grid's factor.
     */
    public static Economics tomatoDefaults() {
        return new Economics(1.6, 1.0, NATURAL_GAS_KG_CO2_PER_KWH, 0.4);
    }

    /**
     * Lettuce: 1.065 €/kg fresh, the mean of the retail range 0.80–1.33 €/kg used by the Van Henten RL/MPC
     * benchmark (van Laatum et al.; Harraway's thesis, params.py); otherwise as {@link #tomatoDefaults()}.
     */
    public static Economics lettuceDefaults() {
        return new Economics((0.80 + 1.33) / 2, 1.0, NATURAL_GAS_KG_CO2_PER_KWH, 0.4);
    }

    private static void check(String name, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(
                    name + " = " + v + " is outside the allowed range " + min + " to " + max);
        }
    }
}
