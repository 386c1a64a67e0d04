package systems.rala.twin.prices;

/** Prices at simulation times (s since the sampler's start). Allocation-free; one per simulation. */
public interface PriceSampler {

    /** Electricity price, €/kWh. */
    double electricityEurPerKwh(double t);

    /** Natural gas price per kWh of fuel energy (lower heating value), €/kWh. */
    double gasEurPerKwh(double t);

    /** CO2 price, €/kg. */
    double co2EurPerKg(double t);
}
