package systems.rala.twin.prices;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Energy and CO2 prices over time, in the site's local standard time.
 *
 * <p>Three prices, each with its unit in its name: electricity in €/kWh, natural gas in € per kWh of fuel
 * energy (lower heating value; {@link Prices#gasEurPerKwh(double, double)} converts a price per m³), CO2 in
 * €/kg. A schedule hands out a {@link PriceSampler} per simulation, which reads prices at simulation times
 * without allocating.
 */
public interface PriceSchedule {

    /** A sampler whose time 0 is {@code start} (local standard time). */
    PriceSampler sampler(LocalDateTime start);

    /** Checks that prices exist from {@code start} for {@code duration}; the default schedules cover any time. */
    default void requireCovers(LocalDateTime start, Duration duration) {}

    /** A one-line description for reports. */
    String describe();
}
