package systems.rala.service.metrics;

import java.time.LocalDate;

/**
 * One facility's key figures for one local day, per m² of its floor area; {@code null} where a figure could not
 * be computed. The names follow the KPI calculator's.
 *
 * @param heatMjM2 heat delivered by the heating system, MJ m⁻²
 * @param electricityKwhM2 electricity used (lamps, fans, pumps), kWh m⁻²
 * @param co2KgM2 CO2 dosed, kg m⁻²
 * @param costEurM2 cost of heat, electricity and CO2, € m⁻²
 * @param yieldKgM2 fresh-weight harvest, kg m⁻²
 * @param meanVpdKpa mean vapour pressure deficit of the air, kPa
 * @param dliMolM2D daily light integral at the canopy, mol m⁻² d⁻¹ (PAR photons)
 */
public record DailyMetrics(
        LocalDate day,
        Double heatMjM2,
        Double electricityKwhM2,
        Double co2KgM2,
        Double costEurM2,
        Double yieldKgM2,
        Double meanVpdKpa,
        Double dliMolM2D) {}
