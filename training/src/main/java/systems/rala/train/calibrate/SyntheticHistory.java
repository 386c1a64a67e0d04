package systems.rala.train.calibrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import systems.rala.env.plant.ClosedLoop;
import systems.rala.env.plant.TomatoPlant;
import systems.rala.runtime.control.rules.RuleBasedClimateController;
import systems.rala.twin.sim.Simulation;
import systems.rala.twin.tomato.TomatoModel;
import systems.rala.twin.tomato.TomatoParameters;
import systems.rala.twin.weather.CsvWeatherReader;
import systems.rala.twin.weather.WeatherSampler;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.WeatherVariable;
import systems.rala.twin.weather.generator.GeneratorParams;
import systems.rala.twin.weather.generator.WeatherGenerator;

/**
 * A climate-computer log made by the twin itself, for testing calibration where the truth is known: a
 * tomato greenhouse (LED lamps) with some parameters moved from their nominal values, driven by GreenLight's
 * rule-based controller (deciding every 5 minutes and holding its outputs), on generated Amsterdam weather.
 * The log holds the weather, the measured air temperature, relative humidity and CO2 with Gaussian sensor
 * noise, and the actuator positions in percent, with a few empty cells and one spike per measured column, as
 * real logs have. Written as {@code history.csv} and {@code history.mapping.properties}.
 */
public final class SyntheticHistory {

    /** The actuators logged, as the rule-based controller's commands. */
    static final List<String> ACTUATORS = List.of("uBoil", "uBoilGro", "uRoof", "uThScr", "uBlScr", "uLamp", "uExtCo2");

    /** Sensor noise (1 σ): 0.2 °C, 2 % RH, 15 ppm — typical of greenhouse climate sensors (e.g. Vaisala HMP/GMP specifications). */
    static final double[] NOISE = {0.2, 2.0, 15.0};

    private SyntheticHistory() {}

    /**
     * Writes the log into {@code dir}.
     *
     * @param hidden parameter values of the "real" greenhouse (overrides of the LED parameter set)
     * @param start local start (00:00)
     * @param days length of the log
     * @param seed seed of the weather and the noise
     * @return the CSV file (the mapping is beside it)
     */
    public static Path write(Path dir, Map<String, Double> hidden, LocalDateTime start, int days, long seed) {
        try {
            Files.createDirectories(dir);
            double dt = 300;
            int rows = (int) (days * 86_400 / dt) + 1;
            WeatherSeries generated = new WeatherGenerator(GeneratorParams.builtIn("amsterdam"))
                    .generate(
                            seed,
                            start.toLocalDate().minusDays(1),
                            start.toLocalDate().plusDays(days + 1));
            WeatherSampler sampler = generated.sampler(start);
            double[] w = new double[WeatherVariable.COUNT];
            String[] weatherCells = new String[rows];
            StringBuilder csv = new StringBuilder();
            csv.append("time,radiation,outdoor temperature,outdoor rh,wind,sky temperature,outdoor co2\n");
            for (int r = 0; r < rows; r++) {
                sampler.sample(r * dt, w);
                weatherCells[r] = String.format(
                        Locale.ROOT,
                        "%s,%.2f,%.3f,%.2f,%.3f,%.3f,400",
                        start.plusSeconds((long) (r * dt)),
                        Math.max(0, w[WeatherVariable.GLOBAL_RADIATION.ordinal()]),
                        w[WeatherVariable.AIR_TEMPERATURE.ordinal()],
                        Math.min(100, w[WeatherVariable.RELATIVE_HUMIDITY.ordinal()]),
                        w[WeatherVariable.WIND_SPEED.ordinal()],
                        w[WeatherVariable.SKY_TEMPERATURE.ordinal()]);
                csv.append(weatherCells[r]).append('\n');
            }
            Path file = dir.resolve("history.csv");
            Path mapping = dir.resolve("history.mapping.properties");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            Files.writeString(mapping, mapping(), StandardCharsets.UTF_8);
            // the weather exactly as a reader of the log sees it
            Properties weatherOnly = new Properties();
            try (var in = Files.newBufferedReader(mapping)) {
                weatherOnly.load(in);
            }
            weatherOnly.stringPropertyNames().stream()
                    .filter(k -> k.startsWith("measured.") || k.startsWith("input."))
                    .forEach(weatherOnly::remove);
            WeatherSeries weather = CsvWeatherReader.read(file, weatherOnly, mapping.toString());

            TomatoModel truth = new TomatoModel(
                    "tomato-led", TomatoParameters.katzin2021Led().with(hidden));
            double[] x0 = new double[TomatoModel.DIMENSION];
            truth.initialState(x0);
            Simulation sim = Simulation.of(truth, weather, start, Simulation.defaultIntegrator(), x0);
            ClosedLoop loop = new ClosedLoop(
                    sim, new RuleBasedClimateController(), TomatoPlant::reading, ClosedLoop.Mode.SAMPLED);
            int[] idx = ACTUATORS.stream().mapToInt(truth::inputIndex).toArray();
            SplittableRandom noise = new SplittableRandom(seed ^ 0x5DEECE66DL);
            StringBuilder out = new StringBuilder();
            out.append("time,radiation,outdoor temperature,outdoor rh,wind,sky temperature,outdoor co2,"
                    + "air temperature,rh,co2");
            for (String a : ACTUATORS) {
                out.append(',').append(a).append(" %");
            }
            out.append('\n');
            for (int r = 0; r < rows; r++) {
                loop.decide();
                double[] x = sim.stateView();
                double[] m = {
                    x[TomatoModel.T_AIR] + NOISE[0] * noise.nextGaussian(),
                    Math.min(100, TomatoModel.relativeHumidity(x) + NOISE[1] * noise.nextGaussian()),
                    TomatoModel.co2Ppm(x[TomatoModel.CO2_AIR], x[TomatoModel.T_AIR]) + NOISE[2] * noise.nextGaussian()
                };
                out.append(weatherCells[r]);
                for (int k = 0; k < 3; k++) {
                    out.append(',');
                    if (r % 397 == 100 + 50 * k) {
                        continue; // an empty cell now and then
                    }
                    double v = r == rows / 3 + k ? m[k] + (k == 0 ? 25 : k == 1 ? -60 : 3000) : m[k]; // one spike
                    out.append(String.format(Locale.ROOT, "%.3f", v));
                }
                for (int i : idx) {
                    out.append(String.format(Locale.ROOT, ",%.3f", 100 * sim.input(i)));
                }
                out.append('\n');
                if (r + 1 < rows) {
                    sim.step(dt);
                }
            }
            Files.writeString(file, out, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic history into " + dir, e);
        }
    }

    private static String mapping() {
        StringBuilder m = new StringBuilder();
        m.append(
                "# A climate-computer log written by the twin (SyntheticHistory): weather, measured climate, actuators in %\n");
        m.append("source = RALA synthetic history\nseries = measured\n");
        m.append("site.name = Amsterdam (generated)\nsite.latitude = 52.3\nsite.longitude = 4.77\n");
        m.append("site.elevation = -2\nsite.utc-offset = +01:00\n");
        m.append("time.column = time\ntime.format = iso\ntime.stamp = instant\n");
        m.append("global_radiation.column = radiation\nair_temperature.column = outdoor temperature\n");
        m.append("relative_humidity.column = outdoor rh\nwind_speed.column = wind\n");
        m.append("sky_temperature.column = sky temperature\nco2.column = outdoor co2\n");
        m.append("measured.air_temperature.column = air temperature\nmeasured.air_temperature.unit = °C\n");
        m.append("measured.air_relative_humidity.column = rh\nmeasured.air_co2.column = co2\n");
        for (String a : ACTUATORS) {
            m.append("input.").append(a).append(".column = ").append(a).append(" %\n");
            m.append("input.").append(a).append(".scale = 0.01\n");
        }
        return m.toString();
    }
}
