package systems.rala.twin.prices;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Factories for the common price schedules, and unit conversions. */
public final class Prices {

    /**
     * Lower heating value of Dutch (Groningen-quality) natural gas [MJ/m³ at 0 °C, 101.325 kPa]; Netherlands
     * list of fuels and standard CO2 emission factors (RVO, Netherlands Enterprise Agency), the figure Dutch
     * greenhouse energy accounting uses.
     */
    public static final double DUTCH_GAS_LHV_MJ_PER_M3 = 31.65;

    private Prices() {}

    /**
     * Gas price per kWh of fuel energy [€/kWh] from a price per cubic metre [€/m³] and the gas's lower
     * heating value [MJ/m³].
     */
    public static double gasEurPerKwh(double eurPerM3, double lhvMjPerM3) {
        if (!(lhvMjPerM3 > 0)) {
            throw new IllegalArgumentException("gas heating value " + lhvMjPerM3 + " MJ/m3 must be positive");
        }
        return eurPerM3 / (lhvMjPerM3 / 3.6);
    }

    /** Constant prices. */
    public static PriceSchedule constant(double electricityEurPerKwh, double gasEurPerKwh, double co2EurPerKg) {
        checkPrice("electricityEurPerKwh", electricityEurPerKwh);
        checkPrice("gasEurPerKwh", gasEurPerKwh);
        checkPrice("co2EurPerKg", co2EurPerKg);
        PriceSampler s = new FixedFuelSampler(gasEurPerKwh, co2EurPerKg) {
            @Override
            public double electricityEurPerKwh(double t) {
                return electricityEurPerKwh;
            }
        };
        String text = String.format(
                Locale.ROOT,
                "constant: electricity %.4f EUR/kWh, gas %.4f EUR/kWh, CO2 %.3f EUR/kg",
                electricityEurPerKwh,
                gasEurPerKwh,
                co2EurPerKg);
        return new PriceSchedule() {
            @Override
            public PriceSampler sampler(LocalDateTime start) {
                return s;
            }

            @Override
            public String describe() {
                return text;
            }
        };
    }

    /**
     * The defaults of GreenLight-Gym (van Laatum et al. 2024): electricity 0.3 €/kWh, heat 0.09 €/kWh (taken
     * here as the gas price per kWh of fuel), CO2 0.3 €/kg.
     */
    public static PriceSchedule greenLightGymDefaults() {
        return constant(0.3, 0.09, 0.3);
    }

    /**
     * A two-rate electricity tariff: {@code dayEurPerKwh} from {@code dayStartHour} to {@code dayEndHour}
     * (local standard time, [start, end)) on weekdays, {@code nightEurPerKwh} otherwise and, when {@code
     * weekendsAtNightRate}, all Saturday and Sunday (the Dutch "normaal/dal" tariff: 07–23 h on weekdays).
     */
    public static PriceSchedule dayNight(
            double dayEurPerKwh,
            double nightEurPerKwh,
            int dayStartHour,
            int dayEndHour,
            boolean weekendsAtNightRate,
            double gasEurPerKwh,
            double co2EurPerKg) {
        checkPrice("dayEurPerKwh", dayEurPerKwh);
        checkPrice("nightEurPerKwh", nightEurPerKwh);
        checkPrice("gasEurPerKwh", gasEurPerKwh);
        checkPrice("co2EurPerKg", co2EurPerKg);
        if (dayStartHour < 0 || dayStartHour > 23 || dayEndHour < 1 || dayEndHour > 24 || dayEndHour <= dayStartHour) {
            throw new IllegalArgumentException(
                    "day period " + dayStartHour + "-" + dayEndHour + " h: need 0 <= dayStartHour < dayEndHour <= 24");
        }
        String text = String.format(
                Locale.ROOT,
                "day/night: electricity %.4f EUR/kWh %02d-%02d h%s, %.4f otherwise; gas %.4f EUR/kWh, CO2 %.3f EUR/kg",
                dayEurPerKwh,
                dayStartHour,
                dayEndHour,
                weekendsAtNightRate ? " on weekdays" : "",
                nightEurPerKwh,
                gasEurPerKwh,
                co2EurPerKg);
        return new PriceSchedule() {
            @Override
            public PriceSampler sampler(LocalDateTime start) {
                // seconds since the Monday 00:00 on or before start
                LocalDateTime monday =
                        start.toLocalDate().with(DayOfWeek.MONDAY).atStartOfDay();
                double offset = ChronoUnit.MILLIS.between(monday, start) / 1000.0;
                double week = 7 * 86_400.0;
                return new FixedFuelSampler(gasEurPerKwh, co2EurPerKg) {
                    @Override
                    public double electricityEurPerKwh(double t) {
                        double s = (offset + t) % week;
                        if (s < 0) {
                            s += week;
                        }
                        int day = (int) (s / 86_400.0); // 0 = Monday
                        double hour = (s - day * 86_400.0) / 3600.0;
                        boolean weekend = day >= 5;
                        boolean dayRate =
                                hour >= dayStartHour && hour < dayEndHour && !(weekend && weekendsAtNightRate);
                        return dayRate ? dayEurPerKwh : nightEurPerKwh;
                    }
                };
            }

            @Override
            public String describe() {
                return text;
            }
        };
    }

    /** A sampler with constant gas and CO2 prices; subclasses give the electricity price. */
    private abstract static class FixedFuelSampler implements PriceSampler {
        private final double gas;
        private final double co2;

        FixedFuelSampler(double gasEurPerKwh, double co2EurPerKg) {
            this.gas = gasEurPerKwh;
            this.co2 = co2EurPerKg;
        }

        @Override
        public double gasEurPerKwh(double t) {
            return gas;
        }

        @Override
        public double co2EurPerKg(double t) {
            return co2;
        }
    }

    static void checkPrice(String name, double v) {
        if (!Double.isFinite(v) || v < -10 || v > 100) {
            throw new IllegalArgumentException(name + " " + v + " outside the plausible range -10 to 100");
        }
    }
}
