package systems.rala.twin.weather;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.twin.io.InputFormatException;

/** Every kind of malformed input fails with the file, the line, the column and the value. */
class MalformedInputTest {

    @TempDir
    Path dir;

    // --- EPW: data lines start on line 9; row index r is on line 9 + r

    @Test
    void epwTruncatedLine() throws IOException {
        Path f = EpwFixture.write(dir.resolve("t.epw"), "MEASURED", 2019, 24, r -> r.truncate = r.index == 5);
        assertThatThrownBy(() -> EpwReader.read(f))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("t.epw:14:")
                .hasMessageContaining("truncated data line: 12 of 35 fields");
    }

    @Test
    void epwNonNumericCell() throws IOException {
        Path f = EpwFixture.write(
                dir.resolve("n.epw"), "MEASURED", 2019, 24, r -> r.temp = r.index == 2 ? "1O.5" : r.temp);
        assertThatThrownBy(() -> EpwReader.read(f))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("n.epw:11: column 7 (dry-bulb temperature) value \"1O.5\": not a number");
    }

    @Test
    void epwNegativeRadiation() throws IOException {
        Path f = EpwFixture.write(dir.resolve("r.epw"), "MEASURED", 2019, 24, r -> r.ghi = r.index == 12 ? "-5" : "0");
        assertThatThrownBy(() -> EpwReader.read(f))
                .hasMessageContaining("r.epw:21: column 14 (global horizontal radiation) value \"-5\": negative global"
                        + " horizontal radiation; allowed 0 to 1400 Wh/m2");
    }

    @Test
    void epwHumidityOverTheDictionaryLimit() throws IOException {
        Path f = EpwFixture.write(dir.resolve("h.epw"), "MEASURED", 2019, 24, r -> r.rh = r.index == 0 ? "120" : "70");
        assertThatThrownBy(() -> EpwReader.read(f))
                .hasMessageContaining("h.epw:9: column 9 (relative humidity) value \"120\"")
                .hasMessageContaining("allowed 0 to 110 %");
    }

    @Test
    void epwNotAnEpw() throws IOException {
        Path f = Files.writeString(dir.resolve("x.epw"), "hello\n");
        assertThatThrownBy(() -> EpwReader.read(f)).hasMessageContaining("x.epw:1: not an EPW file");
    }

    // --- CSV with a mapping

    private static final String MAPPING = String.join(
            "\n",
            "site.name = Test",
            "site.latitude = 52",
            "site.longitude = 5",
            "site.utc-offset = +01:00",
            "time.column = time",
            "time.format = iso",
            "global_radiation.column = rad",
            "air_temperature.column = temp",
            "relative_humidity.column = rh",
            "wind_speed.column = wind",
            "sky_temperature.column = sky",
            "");

    private Path csv(String body) throws IOException {
        Files.writeString(dir.resolve("m.properties"), MAPPING, StandardCharsets.UTF_8);
        return Files.writeString(dir.resolve("w.csv"), "time,rad,temp,rh,wind,sky\n" + body, StandardCharsets.UTF_8);
    }

    private Path mapping() {
        return dir.resolve("m.properties");
    }

    @Test
    void csvNonNumericCell() throws IOException {
        Path f = csv("2020-01-01T00:00,0,5,80,3,-5\n2020-01-01T01:00,0,five,80,3,-5\n");
        assertThatThrownBy(() -> CsvWeatherReader.read(f, mapping()))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("w.csv:3: column 3 (air_temperature) value \"five\": not a number");
    }

    @Test
    void csvNegativeRadiation() throws IOException {
        Path f = csv("2020-01-01T00:00,0,5,80,3,-5\n2020-01-01T01:00,-12.5,5,80,3,-5\n");
        assertThatThrownBy(() -> CsvWeatherReader.read(f, mapping()))
                .hasMessageContaining(
                        "w.csv:3: column 2 (global_radiation) value \"-12.5\": negative global_radiation");
    }

    @Test
    void csvHumidityOverHundred() throws IOException {
        Path f = csv("2020-01-01T00:00,0,5,80,3,-5\n2020-01-01T01:00,0,5,100.4,3,-5\n");
        assertThatThrownBy(() -> CsvWeatherReader.read(f, mapping()))
                .hasMessageContaining("w.csv:3: column 4 (relative_humidity) value \"100.4\"")
                .hasMessageContaining("allowed 0.0 to 100.0 %");
    }

    @Test
    void csvMissingColumn() throws IOException {
        Path f = Files.writeString(
                dir.resolve("w.csv"), "time,rad,temp,rh,sky\n2020-01-01T00:00,0,5,80,-5\n2020-01-01T01:00,0,5,80,-5\n");
        Files.writeString(dir.resolve("m.properties"), MAPPING, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CsvWeatherReader.read(f, mapping()))
                .hasMessageContaining("wind_speed.column")
                .hasMessageContaining("'wind' is not in the header [time, rad, temp, rh, sky]");
    }

    @Test
    void csvShortRow() throws IOException {
        Path f = csv("2020-01-01T00:00,0,5,80,3,-5\n2020-01-01T01:00,0,5,80\n");
        assertThatThrownBy(() -> CsvWeatherReader.read(f, mapping()))
                .hasMessageContaining("w.csv:3: column 5 (wind_speed): missing: the row has only 4 fields");
    }

    @Test
    void csvTimeNotInOrder() throws IOException {
        Path f = csv("2020-01-01T01:00,0,5,80,3,-5\n2020-01-01T00:00,0,5,80,3,-5\n");
        assertThatThrownBy(() -> CsvWeatherReader.read(f, mapping()))
                .hasMessageContaining(
                        "w.csv:3: column 1 (time) value \"2020-01-01T00:00\": not after the previous row");
    }

    @Test
    void csvSecondsSinceAnOriginThatIsMissingOrMalformed() throws IOException {
        Path f = Files.writeString(dir.resolve("w.csv"), "time,rad,temp,rh,wind,sky\n0,0,5,80,3,-5\n300,0,5,80,3,-5\n");
        String seconds = MAPPING.replace("time.format = iso", "time.format = seconds-since-origin");
        Files.writeString(dir.resolve("m.properties"), seconds, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CsvWeatherReader.read(f, mapping()))
                .hasMessageContaining("time.origin")
                .hasMessageContaining("required");
        Files.writeString(dir.resolve("m.properties"), seconds + "time.origin = 10 Jan 2014\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CsvWeatherReader.read(f, mapping()))
                .hasMessageContaining("time.origin")
                .hasMessageContaining("a local date-time such as 2014-01-10T00:00");
        Files.writeString(
                dir.resolve("m.properties"),
                seconds + "time.origin = 2014-01-10T00:00\nseries = typical-year\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CsvWeatherReader.read(f, mapping()))
                .hasMessageContaining("seconds-since-origin is for measured series");
    }

    @Test
    void csvBadTime() throws IOException {
        Path f = csv("2020-01-01T00:00,0,5,80,3,-5\n2020-13-01T00:00,0,5,80,3,-5\n");
        assertThatThrownBy(() -> CsvWeatherReader.read(f, mapping()))
                .hasMessageContaining("w.csv:3: column 1 (time) value \"2020-13-01T00:00\": not a time in format iso");
    }

    @Test
    void mappingWithAnUnknownKeyOrUnit() throws IOException {
        Path f = csv("2020-01-01T00:00,0,5,80,3,-5\n2020-01-01T01:00,0,5,80,3,-5\n");
        Files.writeString(mapping(), MAPPING + "air_temprature.unit = C\n");
        assertThatThrownBy(() -> CsvWeatherReader.read(f, mapping()))
                .hasMessageContaining("air_temprature.unit = 'C': unknown key");
        Files.writeString(mapping(), MAPPING + "air_temperature.unit = Rankine\n");
        assertThatThrownBy(() -> CsvWeatherReader.read(f, mapping()))
                .hasMessageContaining("air_temperature.unit = 'Rankine': unknown unit 'Rankine'; known: c, k, f");
    }

    @Test
    void quotedFieldNeverClosed() throws IOException {
        Path f = csv("2020-01-01T00:00,0,5,80,3,-5\n\"2020-01-01T01:00,0,5,80,3,-5\n");
        assertThatThrownBy(() -> CsvWeatherReader.read(f, mapping()))
                .hasMessageContaining("w.csv:3: a quoted field is not closed");
    }

    @Test
    void csvWithoutMappingSaysWhatToDo() throws IOException {
        Path f = csv("2020-01-01T00:00,0,5,80,3,-5\n");
        assertThatThrownBy(() -> WeatherFiles.read(f, null))
                .hasMessageContaining("is a CSV without a mapping")
                .hasMessageContaining("w.mapping.properties");
    }
}
