package systems.rala.twin.weather.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import systems.rala.twin.weather.Site;

/**
 * The fitted statistics of a site's weather that {@link WeatherGenerator} draws from. Monthly arrays have
 * 12 entries, January first; hourly profiles 24 entries, hour 0 (00:00–01:00) first.
 *
 * <p>Daily variables, in the order of the AR(1) matrices: 0 daily mean air temperature [°C], 1 daily
 * clearness index K_t = H / H_0 [-], 2 daily humidity ratio 100 ē / e_s(T̄) [%] (the daily mean vapour
 * pressure against saturation at the daily mean temperature), 3 daily mean wind speed [m/s].
 *
 * @param site the site the statistics describe
 * @param source what they were fitted from
 * @param mean monthly means of the 4 daily variables, [variable][month]
 * @param sd monthly standard deviations of the 4 daily variables, [variable][month]
 * @param ar lag-1 coefficient matrix A of the standardised daily anomalies (Richardson 1981), 4×4 row-major
 * @param noise noise matrix B with B Bᵀ = M0 − A M1ᵀ, 4×4 row-major (lower triangular)
 * @param tempProfile mean diurnal deviation of the hourly from the daily mean temperature [K], [month][hour]
 * @param rangeGamma sensitivity of the diurnal temperature amplitude to the clearness-index anomaly [1/-],
 *     per month
 * @param windProfile mean diurnal deviation of hourly wind from the daily mean, relative [-], [month][hour]
 * @param skyAlpha intercept of the daily mean sky depression T_air − T_sky [K] against K_t, per month
 * @param skyBeta slope of the daily mean sky depression against K_t [K], per month
 * @param ktHourlySd standard deviation of ln(k_t,hour / K_t,day) in daylight [-], per month
 * @param ktHourlyRho lag-1 autocorrelation of that hourly log ratio [-]
 * @param co2Ppm outdoor CO2 [ppm]
 * @param soilMonthly monthly mean soil temperature [°C]
 * @param targetRadiation monthly mean daily radiation sum of the source [MJ/m²]
 */
public record GeneratorParams(
        Site site,
        String source,
        double[][] mean,
        double[][] sd,
        double[] ar,
        double[] noise,
        double[][] tempProfile,
        double[] rangeGamma,
        double[][] windProfile,
        double[] skyAlpha,
        double[] skyBeta,
        double[] ktHourlySd,
        double ktHourlyRho,
        double co2Ppm,
        double[] soilMonthly,
        double[] targetRadiation) {

    /** Number of daily variables in the AR(1) model. */
    public static final int VARS = 4;

    static final String[] VAR_KEYS = {"temp", "kt", "humidity", "wind"};

    /** Parameters built into RALA for {@code site}: {@code amsterdam}. */
    public static GeneratorParams builtIn(String site) {
        String name = site.toLowerCase(Locale.ROOT);
        String resource = "/systems/rala/twin/weather/generator/" + name + ".properties";
        try (InputStream in = GeneratorParams.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in weather parameters for site '" + site
                        + "'; built in: amsterdam (or fit your own with `rala weather fit`)");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), "built-in " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads parameters written by {@link #write}. */
    public static GeneratorParams read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static GeneratorParams read(Reader r, String name) throws IOException {
        Properties p = new Properties();
        p.load(r);
        Keys k = new Keys(p, name);
        Site site = new Site(
                k.text("site.name"),
                k.numbers("site.latitude", 1)[0],
                k.numbers("site.longitude", 1)[0],
                k.numbers("site.elevation", 1)[0],
                ZoneOffset.of(k.text("site.utc-offset")));
        double[][] mean = new double[VARS][];
        double[][] sd = new double[VARS][];
        for (int v = 0; v < VARS; v++) {
            mean[v] = k.numbers(VAR_KEYS[v] + ".mean", 12);
            sd[v] = k.numbers(VAR_KEYS[v] + ".sd", 12);
        }
        double[][] tp = new double[12][];
        double[][] wp = new double[12][];
        for (int m = 0; m < 12; m++) {
            tp[m] = k.numbers("temp.profile." + (m + 1), 24);
            wp[m] = k.numbers("wind.profile." + (m + 1), 24);
        }
        return new GeneratorParams(
                site,
                k.text("source"),
                mean,
                sd,
                k.numbers("ar.a", 16),
                k.numbers("ar.b", 16),
                tp,
                k.numbers("temp.range.gamma", 12),
                wp,
                k.numbers("sky.alpha", 12),
                k.numbers("sky.beta", 12),
                k.numbers("kt.hourly.sd", 12),
                k.numbers("kt.hourly.rho", 1)[0],
                k.numbers("co2", 1)[0],
                k.numbers("soil.monthly", 12),
                k.numbers("target.radiation", 12));
    }

    /** Writes the parameters as a properties file (one line per array, numbers separated by spaces). */
    public void write(Path file) {
        Map<String, String> m = new TreeMap<>();
        m.put("source", source);
        m.put("site.name", site.name());
        m.put("site.latitude", fmt(site.latitudeDeg()));
        m.put("site.longitude", fmt(site.longitudeDeg()));
        m.put("site.elevation", fmt(site.elevationM()));
        m.put("site.utc-offset", site.standardOffset().getId());
        for (int v = 0; v < VARS; v++) {
            m.put(VAR_KEYS[v] + ".mean", join(mean[v]));
            m.put(VAR_KEYS[v] + ".sd", join(sd[v]));
        }
        for (int mo = 0; mo < 12; mo++) {
            m.put("temp.profile." + (mo + 1), join(tempProfile[mo]));
            m.put("wind.profile." + (mo + 1), join(windProfile[mo]));
        }
        m.put("ar.a", join(ar));
        m.put("ar.b", join(noise));
        m.put("temp.range.gamma", join(rangeGamma));
        m.put("sky.alpha", join(skyAlpha));
        m.put("sky.beta", join(skyBeta));
        m.put("kt.hourly.sd", join(ktHourlySd));
        m.put("kt.hourly.rho", fmt(ktHourlyRho));
        m.put("co2", fmt(co2Ppm));
        m.put("soil.monthly", join(soilMonthly));
        m.put("target.radiation", join(targetRadiation));
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("# RALA weather generator parameters (see GeneratorParams for the meaning of each key)\n");
                for (Map.Entry<String, String> e : m.entrySet()) {
                    w.write(e.getKey() + " = " + e.getValue().replace("\\", "\\\\") + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String join(double[] a) {
        StringBuilder sb = new StringBuilder();
        for (double v : a) {
            sb.append(sb.length() == 0 ? "" : " ").append(fmt(v));
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private record Keys(Properties p, String name) {
        String text(String key) {
            String v = p.getProperty(key);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(name + ": key " + key + " is missing");
            }
            return v.strip();
        }

        double[] numbers(String key, int count) {
            String[] parts = text(key).split("\\s+");
            if (parts.length != count) {
                throw new IllegalArgumentException(
                        name + ": key " + key + " needs " + count + " numbers, has " + parts.length);
            }
            double[] out = new double[count];
            for (int i = 0; i < count; i++) {
                try {
                    out[i] = Double.parseDouble(parts[i]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            name + ": key " + key + " value '" + parts[i] + "' is not a number");
                }
            }
            return out;
        }
    }
}
