package systems.rala.twin.weather;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link WeatherSeries} as RALA's self-describing CSV: a {@code # rala-weather v1} line, the mapping
 * as comment lines, a header of {@code key[unit]} cells and one row per stamp with ISO local times. {@link
 * WeatherFiles#read} reads it back without a mapping file, to the same values.
 */
public final class WeatherCsvWriter {

    private WeatherCsvWriter() {}

    /** Writes {@code series} to {@code file}, creating parent folders. */
    public static void write(WeatherSeries series, Path file) {
        boolean radMean = series.isIntervalMean(WeatherVariable.GLOBAL_RADIATION);
        if (series.isIntervalMean(WeatherVariable.SKY_TEMPERATURE) != radMean) {
            throw new IllegalArgumentException("cannot write " + series.source()
                    + ": sky temperature and radiation differ in time-stamp convention");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("# " + CsvWeatherReader.MARKER + "\n");
                w.write("# source = " + series.source().replace('\n', ' ') + "\n");
                for (Map.Entry<String, String> e : CsvWeatherReader.ownMapping(
                                series.site(), series.isTypicalYear(), radMean)
                        .entrySet()) {
                    w.write("# " + e.getKey() + " = " + e.getValue() + "\n");
                }
                StringBuilder header = new StringBuilder("time");
                for (WeatherVariable v : WeatherVariable.values()) {
                    if (v != WeatherVariable.DAILY_RADIATION_SUM) {
                        header.append(',').append(v.header());
                    }
                }
                w.write(header.append('\n').toString());
                StringBuilder row = new StringBuilder(256);
                for (int i = 0; i < series.size(); i++) {
                    row.setLength(0);
                    row.append(series.localTime(i));
                    for (WeatherVariable v : WeatherVariable.values()) {
                        if (v != WeatherVariable.DAILY_RADIATION_SUM) {
                            row.append(',').append(String.format(Locale.ROOT, "%.6g", series.value(v, i)));
                        }
                    }
                    w.write(row.append('\n').toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
