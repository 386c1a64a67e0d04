package systems.rala.twin.accounting;

/**
 * The indoor climate band whose violations the KPIs count.
 *
 * @param tempMinC lowest acceptable air temperature [°C]
 * @param tempMaxC highest acceptable air temperature [°C]
 * @param rhMinPct lowest acceptable relative humidity [%]
 * @param rhMaxPct highest acceptable relative humidity [%]
 * @param co2MinPpm lowest acceptable CO2 [ppm]
 * @param co2MaxPpm highest acceptable CO2 [ppm]
 */
public record ClimateBounds(
        double tempMinC, double tempMaxC, double rhMinPct, double rhMaxPct, double co2MinPpm, double co2MaxPpm) {

    public ClimateBounds {
        if (!(tempMinC < tempMaxC) || !(rhMinPct < rhMaxPct) || !(co2MinPpm < co2MaxPpm)) {
            throw new IllegalArgumentException(
                    "climate bounds need min < max: temperature " + tempMinC + ".." + tempMaxC + " C, RH " + rhMinPct
                            + ".." + rhMaxPct + " %, CO2 " + co2MinPpm + ".." + co2MaxPpm + " ppm");
        }
        if (rhMinPct < 0 || rhMaxPct > 100) {
            throw new IllegalArgumentException("RH bounds " + rhMinPct + ".." + rhMaxPct + " % must lie within 0..100");
        }
    }

    /** Lettuce: 10–20 °C, 0–80 % RH, 500–1600 ppm CO2 (the Van Henten benchmark, RL-SMPC LettuceGreenhouse.yml). */
    public static ClimateBounds lettuce() {
        return new ClimateBounds(10, 20, 0, 80, 500, 1600);
    }

    /** Tomato: 15–34 °C, 50–85 % RH, 300–1600 ppm CO2 (GreenLight-Gym, van Laatum et al. 2024). */
    public static ClimateBounds tomato() {
        return new ClimateBounds(15, 34, 50, 85, 300, 1600);
    }
}
