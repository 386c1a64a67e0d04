package systems.rala.env.scenario;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.generator.GeneratorParams;
import systems.rala.twin.weather.generator.WeatherGenerator;

/**
 * Generated weather seasons shared by every environment of the process: pool member k of a split is the
 * generator's weather for two consecutive calendar years (so any season from 27 September fits), made once
 * and kept in a bounded least-recently-used cache. Thread-safe.
 */
public final class WeatherPool {

    private static final int CAPACITY = 48;
    private static final Map<String, WeatherSeries> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, WeatherSeries> eldest) {
            return size() > CAPACITY;
        }
    };

    private WeatherPool() {}

    /**
     * Two years of weather (1 January of the member's year to 1 January two years later) for member {@code
     * k} of {@code split}, from generator parameters {@code params}.
     */
    public static WeatherSeries season(GeneratorParams params, Split split, int k) {
        if (k < 0 || k >= split.size()) {
            throw new IllegalArgumentException("pool member " + k + " outside 0.." + (split.size() - 1));
        }
        String key = params.source() + "|" + split + "|" + k;
        synchronized (CACHE) {
            WeatherSeries w = CACHE.get(key);
            if (w != null) {
                return w;
            }
        }
        int year = split.year(k);
        WeatherSeries w = new WeatherGenerator(params)
                .generate(split.seed(k), LocalDate.of(year, 1, 1), LocalDate.of(year + 2, 1, 1));
        synchronized (CACHE) {
            CACHE.putIfAbsent(key, w);
            return CACHE.get(key);
        }
    }
}
