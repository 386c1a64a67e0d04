package systems.rala.twin.accounting;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one KPI calculator of RALA, used by the command line, the environments, the service and the
 * notebooks. Feed it one record per control step ({@link #add}, allocation-free); read the KPIs with {@link
 * #kpis()}. Names and units (all per m² of greenhouse):
 *
 * <pre>
 * heat_kwh_m2            heat delivered by the boiler                      kWh/m²
 * elec_kwh_m2            electricity used by lamps                         kWh/m²
 * co2_kg_m2              CO2 dosed                                          kg/m²
 * cost_eur_m2            gas (heat / boiler efficiency) + electricity + CO2 €/m²
 * yield_fresh_kg_m2      fresh produce harvested                            kg/m²
 * revenue_eur_m2         yield times the produce price                      €/m²
 * profit_eur_m2          revenue minus cost                                 €/m²
 * emissions_kgco2e_m2    gas burnt and electricity bought                   kg CO2e/m²
 * temp_violation_kh      time integral of the distance outside the band     K·h
 * rh_violation_pct_h     the same for relative humidity                     %·h
 * co2_violation_ppm_h    the same for CO2                                   ppm·h
 * time_in_bounds_pct     share of time inside the band, per variable        % (temp, rh, co2)
 * mean_vpd_kpa           time-mean vapour pressure deficit                  kPa
 * dli_mol_m2_d           mean daily light integral reaching the canopy      mol/m²/day
 * sim_days, steps, wall_s
 * </pre>
 *
 * Climate terms use the state at the end of each step times the step length (rectangle rule).
 */
public final class KpiCalculator {

    private static final double J_PER_KWH = 3.6e6;

    private final Economics economics;
    private final ClimateBounds bounds;
    private double seconds;
    private long steps;
    private double heatKwh;
    private double elecKwh;
    private double co2Kg;
    private double yieldKg;
    private double costEur;
    private double emissionsKg;
    private double tempViolationKh;
    private double rhViolationPctH;
    private double co2ViolationPpmH;
    private double tempInSeconds;
    private double rhInSeconds;
    private double co2InSeconds;
    private double vpdKpaSeconds;
    private double parMol;
    private double wallSeconds;

    /** A calculator with the given economics and climate band. */
    public KpiCalculator(Economics economics, ClimateBounds bounds) {
        this.economics = economics;
        this.bounds = bounds;
    }

    /**
     * Adds one control step.
     *
     * @param dt step length [s]
     * @param heatJ heat delivered during the step [J/m²]
     * @param elecJ electricity used during the step [J/m²]
     * @param co2Kg CO2 dosed during the step [kg/m²]
     * @param freshYieldKg fresh produce harvested during the step [kg/m²]
     * @param parMol PAR reaching the canopy during the step [mol/m²]
     * @param elecEurPerKwh electricity price [€/kWh]
     * @param gasEurPerKwh gas price per kWh of fuel [€/kWh]
     * @param co2EurPerKg CO2 price [€/kg]
     * @param airTempC air temperature at the end of the step [°C]
     * @param rhPct relative humidity at the end of the step [%]
     * @param co2Ppm CO2 at the end of the step [ppm]
     * @param vpdKpa vapour pressure deficit at the end of the step [kPa]
     */
    public void add(
            double dt,
            double heatJ,
            double elecJ,
            double co2Kg,
            double freshYieldKg,
            double parMol,
            double elecEurPerKwh,
            double gasEurPerKwh,
            double co2EurPerKg,
            double airTempC,
            double rhPct,
            double co2Ppm,
            double vpdKpa) {
        seconds += dt;
        steps++;
        double heat = heatJ / J_PER_KWH;
        double elec = elecJ / J_PER_KWH;
        double fuel = heat / economics.boilerEfficiency();
        heatKwh += heat;
        elecKwh += elec;
        this.co2Kg += co2Kg;
        yieldKg += freshYieldKg;
        costEur += fuel * gasEurPerKwh + elec * elecEurPerKwh + co2Kg * co2EurPerKg;
        emissionsKg += fuel * economics.gasEmissionKgPerKwh() + elec * economics.electricityEmissionKgPerKwh();
        double hours = dt / 3600.0;
        double dT = outside(airTempC, bounds.tempMinC(), bounds.tempMaxC());
        double dRh = outside(rhPct, bounds.rhMinPct(), bounds.rhMaxPct());
        double dCo2 = outside(co2Ppm, bounds.co2MinPpm(), bounds.co2MaxPpm());
        tempViolationKh += dT * hours;
        rhViolationPctH += dRh * hours;
        co2ViolationPpmH += dCo2 * hours;
        tempInSeconds += dT == 0 ? dt : 0;
        rhInSeconds += dRh == 0 ? dt : 0;
        co2InSeconds += dCo2 == 0 ? dt : 0;
        vpdKpaSeconds += vpdKpa * dt;
        this.parMol += parMol;
    }

    /** Records the wall-clock time the run took [s]. */
    public void setWallSeconds(double s) {
        this.wallSeconds = s;
    }

    private static double outside(double v, double lo, double hi) {
        return v < lo ? lo - v : v > hi ? v - hi : 0.0;
    }

    /** Simulated time so far [s]. */
    public double seconds() {
        return seconds;
    }

    /** Clears every sum, for a new episode. */
    public void reset() {
        seconds = 0;
        steps = 0;
        heatKwh = 0;
        elecKwh = 0;
        co2Kg = 0;
        yieldKg = 0;
        costEur = 0;
        emissionsKg = 0;
        tempViolationKh = 0;
        rhViolationPctH = 0;
        co2ViolationPpmH = 0;
        tempInSeconds = 0;
        rhInSeconds = 0;
        co2InSeconds = 0;
        vpdKpaSeconds = 0;
        parMol = 0;
        wallSeconds = 0;
    }

    /** Heat so far [kWh/m²]. */
    public double heatKwhM2() {
        return heatKwh;
    }

    /** Electricity so far [kWh/m²]. */
    public double elecKwhM2() {
        return elecKwh;
    }

    /** CO2 dosed so far [kg/m²]. */
    public double co2KgM2() {
        return co2Kg;
    }

    /** Fresh yield so far [kg/m²]. */
    public double yieldFreshKgM2() {
        return yieldKg;
    }

    /** Cost so far [€/m²]. */
    public double costEurM2() {
        return costEur;
    }

    /** Emissions so far [kg CO2e/m²]. */
    public double emissionsKgM2() {
        return emissionsKg;
    }

    /** Temperature violation so far [K·h]. */
    public double tempViolationKh() {
        return tempViolationKh;
    }

    /** Humidity violation so far [%·h]. */
    public double rhViolationPctH() {
        return rhViolationPctH;
    }

    /** CO2 violation so far [ppm·h]. */
    public double co2ViolationPpmH() {
        return co2ViolationPpmH;
    }

    /** Profit so far [€/m²]. */
    public double profitEurM2() {
        return yieldKg * economics.fruitPriceEurPerKg() - costEur;
    }

    /** The KPIs, named as above, in a stable order (values are Double, or a map for time_in_bounds_pct). */
    public Map<String, Object> kpis() {
        Map<String, Object> k = new LinkedHashMap<>();
        double revenue = yieldKg * economics.fruitPriceEurPerKg();
        k.put("heat_kwh_m2", heatKwh);
        k.put("elec_kwh_m2", elecKwh);
        k.put("co2_kg_m2", co2Kg);
        k.put("cost_eur_m2", costEur);
        k.put("yield_fresh_kg_m2", yieldKg);
        k.put("revenue_eur_m2", revenue);
        k.put("profit_eur_m2", revenue - costEur);
        k.put("emissions_kgco2e_m2", emissionsKg);
        k.put("temp_violation_kh", tempViolationKh);
        k.put("rh_violation_pct_h", rhViolationPctH);
        k.put("co2_violation_ppm_h", co2ViolationPpmH);
        Map<String, Double> inBounds = new LinkedHashMap<>();
        inBounds.put("temp", share(tempInSeconds));
        inBounds.put("rh", share(rhInSeconds));
        inBounds.put("co2", share(co2InSeconds));
        k.put("time_in_bounds_pct", inBounds);
        k.put("mean_vpd_kpa", seconds > 0 ? vpdKpaSeconds / seconds : Double.NaN);
        double days = seconds / 86_400.0;
        k.put("dli_mol_m2_d", days > 0 ? parMol / days : Double.NaN);
        k.put("sim_days", days);
        k.put("steps", (double) steps);
        k.put("wall_s", wallSeconds);
        return k;
    }

    private double share(double inside) {
        return seconds > 0 ? 100.0 * inside / seconds : Double.NaN;
    }
}
