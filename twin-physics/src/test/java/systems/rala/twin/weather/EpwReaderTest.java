package systems.rala.twin.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.twin.physics.Psychrometrics;
import systems.rala.twin.testing.SharedData;

/**
 * Reads the IWEC Amsterdam file; expected values were read off the file with awk (field numbers as in the
 * EPW data dictionary), not computed by RALA.
 */
class EpwReaderTest {

    private static final double[] W = new double[WeatherVariable.COUNT];

    private static WeatherSeries amsterdam() {
        return EpwReader.read(SharedData.weather("NLD_Amsterdam.062400_IWEC.epw"));
    }

    @Test
    void headerAndSize() {
        WeatherSeries s = amsterdam();
        assertThat(s.isTypicalYear()).isTrue();
        assertThat(s.size()).isEqualTo(8760);
        assertThat(s.days()).isEqualTo(365);
        assertThat(s.site().latitudeDeg()).isEqualTo(52.30);
        assertThat(s.site().longitudeDeg()).isEqualTo(4.77);
        assertThat(s.site().standardOffset().getTotalSeconds()).isEqualTo(3600);
        assertThat(s.intervalSeconds()).isEqualTo(3600.0);
    }

    @Test
    void firstRowValues() {
        WeatherSeries s = amsterdam();
        // 1 Jan hour 1: dry bulb 5.1 C, RH 79 %, IR 288 W/m2, GHI 0, wind 6.7 m/s
        assertThat(s.localTime(0)).isEqualTo(LocalDateTime.of(2001, 1, 1, 1, 0));
        assertThat(s.value(WeatherVariable.AIR_TEMPERATURE, 0)).isEqualTo(5.1);
        assertThat(s.value(WeatherVariable.RELATIVE_HUMIDITY, 0)).isEqualTo(79.0);
        assertThat(s.value(WeatherVariable.WIND_SPEED, 0)).isEqualTo(6.7);
        assertThat(s.value(WeatherVariable.SKY_TEMPERATURE, 0))
                .isCloseTo(SkyTemperature.fromInfrared(288), within(1e-12));
        assertThat(s.value(WeatherVariable.VAPOUR_PRESSURE, 0))
                .isCloseTo(Psychrometrics.vapourPressure(5.1, 79.0), within(1e-9));
        assertThat(s.value(WeatherVariable.CO2, 0)).isEqualTo(WeatherSeriesBuilder.DEFAULT_CO2_PPM);
    }

    @Test
    void annualFiguresMatchTheFile() {
        WeatherSummary sum = WeatherSummary.of(amsterdam());
        // awk: mean of field 7 over 8760 rows = 10.026016; sum of field 14 * 3600 J = 3536.9316 MJ/m2
        assertThat(sum.annualMeanTempC()).isCloseTo(10.026016, within(1e-5));
        assertThat(sum.annualRadiationMjM2()).isCloseTo(3536.9316, within(1e-3));
        assertThat(sum.days()).isEqualTo(365);
    }

    @Test
    void dailyRadiationSumIsTheDaysTotal() {
        WeatherSeries s = amsterdam();
        // awk: 15 January, sum of field 14 over hours 1..24 = 1.0116 MJ/m2
        assertThat(s.dailyRadiationSum(14)).isCloseTo(1.0116, within(1e-6));
        WeatherSampler sampler = s.sampler(LocalDateTime.of(2030, 1, 15, 0, 0));
        sampler.sample(3600 * 13.0, W);
        assertThat(W[WeatherVariable.DAILY_RADIATION_SUM.ordinal()]).isCloseTo(1.0116, within(1e-6));
    }

    @Test
    void radiationIsPlacedAtTheMiddleOfItsHour() {
        WeatherSeries s = amsterdam();
        // 21 June: GHI of the hours ending 12 and 13 are 396 and 411 W/m2
        WeatherSampler sampler = s.sampler(LocalDateTime.of(2030, 6, 21, 0, 0));
        sampler.sample(11.5 * 3600, W); // the middle of 11-12 h
        assertThat(W[WeatherVariable.GLOBAL_RADIATION.ordinal()]).isCloseTo(396.0, within(1e-9));
        sampler.sample(12.0 * 3600, W); // halfway between the two hour middles
        assertThat(W[WeatherVariable.GLOBAL_RADIATION.ordinal()]).isCloseTo(403.5, within(1e-9));
        // temperature is instantaneous at the stamp: 13.1 C at 12:00, 12.1 C at 13:00
        sampler.sample(12.5 * 3600, W);
        assertThat(W[WeatherVariable.AIR_TEMPERATURE.ordinal()]).isCloseTo(12.6, within(1e-9));
    }

    @Test
    void typicalYearIsCyclicAcrossNewYear() {
        WeatherSeries s = amsterdam();
        // 31 Dec hour 24 (= 1 Jan 00:00) is 5.5 C; 1 Jan hour 1 is 5.1 C: 00:30 lies halfway
        WeatherSampler sampler = s.sampler(LocalDateTime.of(2030, 12, 31, 23, 0));
        sampler.sample(3600.0, W);
        assertThat(W[WeatherVariable.AIR_TEMPERATURE.ordinal()]).isCloseTo(5.5, within(1e-9));
        sampler.sample(5400.0, W);
        assertThat(W[WeatherVariable.AIR_TEMPERATURE.ordinal()]).isCloseTo(5.3, within(1e-9));
        // a 350-day season from 27 September runs past the end of the file without error
        sampler = s.sampler(LocalDateTime.of(2030, 9, 27, 0, 0));
        for (double t = 0; t <= 350 * 86400.0; t += 3 * 3600.0) {
            sampler.sample(t, W);
            assertThat(W[WeatherVariable.AIR_TEMPERATURE.ordinal()]).isBetween(-20.0, 40.0);
        }
        s.requireCovers(LocalDateTime.of(2030, 9, 27, 0, 0), Duration.ofDays(350));
    }

    @Test
    void leapYearsReadTheTypicalYearsCalendar() {
        WeatherSeries s = amsterdam();
        double[] a = new double[WeatherVariable.COUNT];
        // 1 March reads the file's 1 March in leap and common years alike (10.7 C at 12:00 in the file)
        s.sampler(LocalDateTime.of(2032, 3, 1, 12, 0)).sample(0, a);
        assertThat(a[WeatherVariable.AIR_TEMPERATURE.ordinal()]).isCloseTo(10.7, within(1e-9));
        s.sampler(LocalDateTime.of(2031, 3, 1, 12, 0)).sample(0, a);
        assertThat(a[WeatherVariable.AIR_TEMPERATURE.ordinal()]).isCloseTo(10.7, within(1e-9));
        // 29 February reads 28 February (8.6 C at 12:00)
        s.sampler(LocalDateTime.of(2032, 2, 29, 12, 0)).sample(0, a);
        assertThat(a[WeatherVariable.AIR_TEMPERATURE.ordinal()]).isCloseTo(8.6, within(1e-9));
    }

    @Test
    void soilTemperatureComesFromTheTwoMetreGroundTemperatures() {
        WeatherSeries s = amsterdam();
        // GROUND TEMPERATURES at 2 m: January 8.41 C, July 11.45 C; the value at mid-month is the month's
        double[] a = new double[WeatherVariable.COUNT];
        s.sampler(LocalDateTime.of(2030, 1, 16, 12, 0)).sample(0, a);
        assertThat(a[WeatherVariable.SOIL_TEMPERATURE.ordinal()]).isCloseTo(8.41, within(0.02));
        s.sampler(LocalDateTime.of(2030, 7, 16, 12, 0)).sample(0, a);
        assertThat(a[WeatherVariable.SOIL_TEMPERATURE.ordinal()]).isCloseTo(11.45, within(0.02));
    }

    @Test
    void typicalYearSetsAreRecognisedByTheirSourceTag() {
        // CSWD Beijing has one year in every row but is a typical year by its LOCATION source
        WeatherSeries beijing = EpwReader.read(SharedData.weather("CHN_Beijing.Beijing.545110_CSWD.epw"));
        assertThat(beijing.isTypicalYear()).isTrue();
        // its 9 relative humidities of 101 % (allowed up to 110 by the dictionary) are read as 100 %
        assertThat(beijing.notes()).anyMatch(n -> n.startsWith("9 relative humidities"));
    }

    @Test
    void aMeasuredEpwIsDatedAndRefusesTimesOutsideIt(@TempDir Path dir) throws Exception {
        Path f = EpwFixture.write(dir.resolve("measured.epw"), "MEASURED", 2019, 48, null);
        WeatherSeries s = EpwReader.read(f);
        assertThat(s.isTypicalYear()).isFalse();
        assertThat(s.coveredFrom()).isEqualTo(LocalDateTime.of(2019, 1, 1, 1, 0));
        assertThat(s.coveredTo()).isEqualTo(LocalDateTime.of(2019, 1, 3, 0, 0));
        assertThatThrownBy(() -> s.requireCovers(LocalDateTime.of(2019, 1, 2, 0, 0), Duration.ofDays(2)))
                .hasMessageContaining("2019-01-02T00:00 to 2019-01-04T00:00")
                .hasMessageContaining("covers 2019-01-01T01:00 to 2019-01-03T00:00");
        WeatherSampler sampler = s.sampler(LocalDateTime.of(2019, 1, 2, 0, 0));
        assertThatThrownBy(() -> sampler.sample(2 * 86400.0, W))
                .hasMessageContaining("has no data at 2019-01-04T00:00");
    }

    @Test
    void missingInfraredIsModelledByClarkAllen(@TempDir Path dir) throws Exception {
        Path f = EpwFixture.write(dir.resolve("noir.epw"), "MEASURED", 2019, 24, r -> r.ir = "9999");
        WeatherSeries s = EpwReader.read(f);
        // fixture rows: 10 C, dew point 5 C, total sky cover 5 tenths
        assertThat(s.value(WeatherVariable.SKY_TEMPERATURE, 3))
                .isCloseTo(SkyTemperature.clarkAllen(10, 5, 5), within(1e-9));
        assertThat(s.notes()).anyMatch(n -> n.contains("24 missing values modelled by Clark & Allen"));
    }
}
