package systems.rala.twin.weather;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Opens a weather file by its kind: EPW, RALA's own CSV, or any CSV with a mapping file. */
public final class WeatherFiles {

    private WeatherFiles() {}

    /**
     * Reads {@code file}. An {@code .epw} needs nothing else; a CSV needs {@code mapping}, unless RALA wrote
     * it (its mapping is inside) or a file {@code NAME.mapping.properties} lies beside {@code NAME.csv}.
     *
     * @param mapping a mapping file, or null
     */
    public static WeatherSeries read(Path file, Path mapping) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("weather file " + file + " does not exist");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".epw")) {
            if (mapping != null) {
                throw new IllegalArgumentException("an EPW file needs no mapping; drop " + mapping);
            }
            return EpwReader.read(file);
        }
        if (mapping != null) {
            return CsvWeatherReader.read(file, mapping);
        }
        if (CsvWeatherReader.isSelfDescribing(file)) {
            return CsvWeatherReader.readSelfDescribing(file);
        }
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path beside = file.resolveSibling(stem + ".mapping.properties");
        if (Files.isRegularFile(beside)) {
            return CsvWeatherReader.read(file, beside);
        }
        throw new IllegalArgumentException("weather file " + file + " is a CSV without a mapping: pass one (see"
                + " examples/weather/*.mapping.properties) or place " + beside.getFileName() + " beside it");
    }
}
