package systems.rala.twin.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.twin.physics.Psychrometrics;
import systems.rala.twin.testing.SharedData;

/** The shared CSV weather files load with the mapping files in examples/weather/ and no code change. */
class CsvWeatherReaderTest {

    private static Path mapping(String name) {
        return SharedData.projectRoot().resolve("examples/weather/" + name + ".mapping.properties");
    }

    @Test
    void sel2000ReferenceYear() {
        WeatherSeries s = WeatherFiles.read(SharedData.weather("SEL2000-seljaar.csv"), mapping("sel2000"));
        assertThat(s.isTypicalYear()).isTrue();
        assertThat(s.size()).isEqualTo(8760);
        // first data row: t = 3600 s, Io 0, vo 1.0 m/s, To -7.1 C, Tsky -14.3 C, CO2 320 ppm, RH 96.3 %
        assertThat(s.localTime(0)).isEqualTo(LocalDateTime.of(2001, 1, 1, 1, 0));
        assertThat(s.value(WeatherVariable.AIR_TEMPERATURE, 0)).isEqualTo(-7.1);
        assertThat(s.value(WeatherVariable.SKY_TEMPERATURE, 0)).isEqualTo(-14.3);
        assertThat(s.value(WeatherVariable.WIND_SPEED, 0)).isEqualTo(1.0);
        assertThat(s.value(WeatherVariable.CO2, 0)).isEqualTo(320.0);
        assertThat(s.value(WeatherVariable.RELATIVE_HUMIDITY, 0)).isEqualTo(96.3);
        // the 9th row (t = 32400 s) has Io = 19.44 W/m2
        assertThat(s.value(WeatherVariable.GLOBAL_RADIATION, 8)).isEqualTo(19.44);
        assertThat(s.notes()).anyMatch(n -> n.startsWith("17 relative humidities up to 100.1"));
    }

    @Test
    void bleiswijkMeasuredFiveMinuteData() {
        WeatherSeries s = WeatherFiles.read(SharedData.weather("Bleiswijk-GL2009-5min.csv"), mapping("bleiswijk"));
        assertThat(s.isTypicalYear()).isFalse();
        assertThat(s.intervalSeconds()).isEqualTo(300.0);
        // first row: t = 25197300 s after 1 Jan 2009 = 19 Oct 15:15; radiation 128 W/m2, 10.3 C, RH 58.4 %
        assertThat(s.coveredFrom()).isEqualTo(LocalDateTime.of(2009, 10, 19, 15, 15));
        assertThat(s.coveredTo()).isEqualTo(LocalDateTime.of(2009, 12, 31, 23, 55));
        assertThat(s.value(WeatherVariable.GLOBAL_RADIATION, 0)).isEqualTo(128.0);
        assertThat(s.value(WeatherVariable.AIR_TEMPERATURE, 0)).isEqualTo(10.3);
        assertThat(s.value(WeatherVariable.VAPOUR_PRESSURE, 0))
                .isCloseTo(Psychrometrics.vapourPressure(10.3, 58.4), within(1e-9));
        // the first and last days are partial and left out of the summary
        assertThat(s.isCompleteDay(0)).isFalse();
        assertThat(WeatherSummary.of(s).days()).isEqualTo(s.days() - 1);
        WeatherSeries y2010 =
                WeatherFiles.read(SharedData.weather("Bleiswijk-GL2010-5min.csv"), mapping("bleiswijk-2010"));
        assertThat(y2010.coveredFrom()).isEqualTo(LocalDateTime.of(2010, 1, 1, 0, 0));
    }

    /**
     * Seconds counted from a stated local time (the lettuce benchmark's file counts from 10 January 2014):
     * the stamps land on the right dates, and the series origin is still 1 January of that year. The mapping
     * is examples/weather/lettuce-benchmark-2014.mapping.properties, the rows are the file's first three.
     */
    @Test
    void secondsSinceAStatedOrigin(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("outdoorWeatherWurGlas2014.csv");
        Files.writeString(
                csv,
                "0,0,7.5,74.099999999999994,10,437\n"
                        + "300,0,7.5000000067055215,73.699999926239272,10,444.39999995976683\n"
                        + "600,0,7.5999999865889576,72.600000147521456,10,443.80000008046625\n");
        WeatherSeries s = WeatherFiles.read(csv, mapping("lettuce-benchmark-2014"));
        assertThat(s.coveredFrom()).isEqualTo(LocalDateTime.of(2014, 1, 10, 0, 0));
        assertThat(s.coveredTo()).isEqualTo(LocalDateTime.of(2014, 1, 10, 0, 10));
        assertThat(s.origin()).isEqualTo(LocalDateTime.of(2014, 1, 1, 0, 0));
        assertThat(s.time(1)).isEqualTo(9 * 86_400.0 + 300.0);
        assertThat(s.value(WeatherVariable.CO2, 1)).isEqualTo(444.39999995976683);
        assertThat(s.value(WeatherVariable.RELATIVE_HUMIDITY, 2)).isEqualTo(72.600000147521456);
        // a sample at a stamp is that row's value, exactly
        double[] d = new double[WeatherVariable.COUNT];
        s.sampler(LocalDateTime.of(2014, 1, 10, 0, 0)).sample(600.0, d);
        assertThat(d[WeatherVariable.AIR_TEMPERATURE.ordinal()]).isEqualTo(7.5999999865889576);
    }

    @Test
    void aMappingBesideTheFileIsFound(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("site.csv");
        Files.writeString(
                csv,
                "when;ghi;t;dp;ws;cc\n2020-06-01 00:00;0;290.15;283.15;10.8;8\n2020-06-01 01:00;0;289.15;283.15;7.2;4\n");
        Files.writeString(
                dir.resolve("site.mapping.properties"),
                String.join(
                        "\n",
                        "delimiter = ;",
                        "site.name = X",
                        "site.latitude = 40",
                        "site.longitude = -3",
                        "site.utc-offset = +01:00",
                        "time.column = when",
                        "time.format = pattern:yyyy-MM-dd HH:mm",
                        "global_radiation.column = ghi",
                        "air_temperature.column = t",
                        "air_temperature.unit = K",
                        "dew_point.column = dp",
                        "dew_point.unit = K",
                        "wind_speed.column = ws",
                        "wind_speed.unit = km/h",
                        "cloud_cover.column = cc",
                        "cloud_cover.unit = oktas",
                        "co2.value = 415"));
        WeatherSeries s = WeatherFiles.read(csv, null);
        assertThat(s.value(WeatherVariable.AIR_TEMPERATURE, 0)).isCloseTo(17.0, within(1e-9));
        assertThat(s.value(WeatherVariable.WIND_SPEED, 1)).isCloseTo(2.0, within(1e-9));
        assertThat(s.value(WeatherVariable.VAPOUR_PRESSURE, 0))
                .isCloseTo(Psychrometrics.saturationVapourPressure(10.0), within(1e-9));
        assertThat(s.value(WeatherVariable.CO2, 0)).isEqualTo(415.0);
        // 8 oktas = 10 tenths of cloud
        assertThat(s.value(WeatherVariable.SKY_TEMPERATURE, 0))
                .isCloseTo(SkyTemperature.clarkAllen(17.0, 10.0, 10.0), within(1e-9));
    }

    @Test
    void ralasOwnCsvRoundTrips(@TempDir Path dir) {
        WeatherSeries s = EpwReader.read(SharedData.weather("ITA_Venice.161050_IWEC.epw"));
        Path out = dir.resolve("venice.csv");
        WeatherCsvWriter.write(s, out);
        WeatherSeries back = WeatherFiles.read(out, null);
        assertThat(back.size()).isEqualTo(s.size());
        assertThat(back.isTypicalYear()).isTrue();
        assertThat(back.site().name()).isEqualTo(s.site().name());
        for (int i = 0; i < s.size(); i += 97) {
            assertThat(back.time(i)).isEqualTo(s.time(i));
            for (WeatherVariable v : WeatherVariable.values()) {
                // written with 6 significant digits
                assertThat(back.value(v, i))
                        .as("%s row %d", v, i)
                        .isCloseTo(s.value(v, i), within(1e-5 * Math.max(1.0, Math.abs(s.value(v, i)))));
            }
        }
    }
}
