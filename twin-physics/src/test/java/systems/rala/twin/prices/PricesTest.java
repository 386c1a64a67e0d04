package systems.rala.twin.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricesTest {

    @Test
    void gasPerCubicMetreToPerKwh() {
        // 0.30 EUR/m3 of gas with 31.65 MJ/m3 = 8.7917 kWh/m3 -> 0.034123 EUR/kWh (hand computation)
        assertThat(Prices.gasEurPerKwh(0.30, Prices.DUTCH_GAS_LHV_MJ_PER_M3)).isCloseTo(0.034123, within(1e-6));
        assertThatThrownBy(() -> Prices.gasEurPerKwh(0.3, 0)).hasMessageContaining("must be positive");
    }

    @Test
    void constantPrices() {
        PriceSampler s = Prices.greenLightGymDefaults().sampler(LocalDateTime.of(2030, 1, 1, 0, 0));
        assertThat(s.electricityEurPerKwh(1e7)).isEqualTo(0.3);
        assertThat(s.gasEurPerKwh(0)).isEqualTo(0.09);
        assertThat(s.co2EurPerKg(5)).isEqualTo(0.3);
        assertThatThrownBy(() -> Prices.constant(Double.NaN, 0.1, 0.1))
                .hasMessageContaining("electricityEurPerKwh NaN");
    }

    @Test
    void dayNightTariffFollowsTheLocalClockAndWeekends() {
        PriceSchedule p = Prices.dayNight(0.25, 0.18, 7, 23, true, 0.05, 0.2);
        // 2030-01-07 is a Monday
        PriceSampler s = p.sampler(LocalDateTime.of(2030, 1, 7, 6, 0));
        assertThat(s.electricityEurPerKwh(0)).isEqualTo(0.18); // Monday 06:00
        assertThat(s.electricityEurPerKwh(3600)).isEqualTo(0.25); // Monday 07:00
        assertThat(s.electricityEurPerKwh(17 * 3600 - 1)).isEqualTo(0.25); // Monday 22:59:59
        assertThat(s.electricityEurPerKwh(17 * 3600)).isEqualTo(0.18); // Monday 23:00
        assertThat(s.electricityEurPerKwh(5 * 86400 + 6 * 3600)).isEqualTo(0.18); // Saturday 12:00
        assertThat(s.electricityEurPerKwh(7 * 86400 + 6 * 3600)).isEqualTo(0.25); // next Monday 12:00
        assertThat(Prices.dayNight(0.25, 0.18, 7, 23, false, 0.05, 0.2)
                        .sampler(LocalDateTime.of(2030, 1, 12, 12, 0))
                        .electricityEurPerKwh(0))
                .isEqualTo(0.25); // Saturday noon without the weekend rule
        assertThatThrownBy(() -> Prices.dayNight(0.25, 0.18, 23, 7, true, 0.05, 0.2))
                .hasMessageContaining("23-7 h");
    }

    @Test
    void hourlySeriesHoldsEachRowsPriceForItsHour(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(
                dir.resolve("p.csv"),
                String.join(
                        "\n",
                        "time,electricity_eur_per_mwh,gas_eur_per_m3",
                        "2030-01-01T00:00Z,100,0.3165",
                        "2030-01-01T01:00Z,-20,0.3165",
                        "2030-01-01T02:00Z,250.5,0.3165",
                        ""));
        HourlyPrices p = HourlyPrices.read(f, ZoneOffset.ofHours(1), 0.05, 0.2);
        // times were UTC; local standard time is UTC+1, so the first row is 01:00 local
        PriceSampler s = p.sampler(LocalDateTime.of(2030, 1, 1, 1, 0));
        assertThat(s.electricityEurPerKwh(0)).isCloseTo(0.100, within(1e-12));
        assertThat(s.electricityEurPerKwh(3599)).isCloseTo(0.100, within(1e-12));
        assertThat(s.electricityEurPerKwh(3600)).isCloseTo(-0.020, within(1e-12));
        assertThat(s.electricityEurPerKwh(2 * 3600 + 1800)).isCloseTo(0.2505, within(1e-12));
        // 0.3165 EUR/m3 / (31.65 MJ/m3 / 3.6 MJ/kWh) = 0.036 EUR/kWh
        assertThat(s.gasEurPerKwh(0)).isCloseTo(0.036, within(1e-12));
        assertThat(s.co2EurPerKg(0)).isEqualTo(0.2);
        p.requireCovers(LocalDateTime.of(2030, 1, 1, 1, 0), Duration.ofHours(3));
        assertThatThrownBy(() -> p.requireCovers(LocalDateTime.of(2030, 1, 1, 1, 0), Duration.ofHours(4)))
                .hasMessageContaining("do not cover the requested period 2030-01-01T01:00 to 2030-01-01T05:00")
                .hasMessageContaining("cover 2030-01-01T01:00 to 2030-01-01T04:00");
        assertThatThrownBy(() -> s.electricityEurPerKwh(-1)).hasMessageContaining("have no value at");
    }

    @Test
    void malformedPriceFiles(@TempDir Path dir) throws IOException {
        Path noElec = Files.writeString(dir.resolve("a.csv"), "time,gas_eur_per_kwh\n2030-01-01T00:00,0.1\n");
        assertThatThrownBy(() -> HourlyPrices.read(noElec, ZoneOffset.UTC, 0.05, 0.2))
                .hasMessageContaining("a.csv:1: no electricity column");
        Path bad = Files.writeString(
                dir.resolve("b.csv"), "time,electricity_eur_per_kwh\n2030-01-01T00:00,0.1\n2030-01-01T01:00,cheap\n");
        assertThatThrownBy(() -> HourlyPrices.read(bad, ZoneOffset.UTC, 0.05, 0.2))
                .hasMessageContaining("b.csv:3: column 2 (electricity_eur_per_kwh) value \"cheap\": not a number");
        Path huge = Files.writeString(dir.resolve("c.csv"), "time,electricity_eur_per_kwh\n2030-01-01T00:00,5000\n");
        assertThatThrownBy(() -> HourlyPrices.read(huge, ZoneOffset.UTC, 0.05, 0.2))
                .hasMessageContaining(
                        "c.csv:2: column 2 (electricity_eur_per_kwh) value \"5000\": outside the plausible range");
    }
}
