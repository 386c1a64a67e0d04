package systems.rala.env.tomato;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import systems.rala.env.plant.ClosedLoop;
import systems.rala.env.plant.TomatoPlant;
import systems.rala.runtime.control.rules.RuleBasedClimateController;
import systems.rala.twin.sim.Simulation;
import systems.rala.twin.tomato.TomatoModel;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.generator.GeneratorParams;
import systems.rala.twin.weather.generator.WeatherGenerator;

/**
 * Realistic starting states for episodes that begin anywhere in the season: a reference season — planting
 * on 27 September with GreenLight's initial crop, the rule-based controller, generated Amsterdam weather
 * (seed 0) — recorded at every local midnight. An episode starting d days into the season begins from the
 * crop and climate of that reference day; the episode's own weather takes over from there (the climate
 * states settle within hours). Built lazily, only as far as asked, once per lamp type and process.
 */
final class SeasonLibrary {

    /** First day of the season (Katzin 2021): 27 September. */
    static final int SEASON_MONTH = 9;

    static final int SEASON_DAY = 27;
    /** Length of the season [days]. */
    static final int SEASON_DAYS = 350;

    private static final Map<String, SeasonLibrary> LIBRARIES = new ConcurrentHashMap<>();

    private final Simulation sim;
    private final ClosedLoop loop;
    private final List<double[]> midnights = new ArrayList<>();

    private SeasonLibrary(TomatoModel model) {
        LocalDate start = LocalDate.of(2030, SEASON_MONTH, SEASON_DAY);
        WeatherSeries weather = new WeatherGenerator(GeneratorParams.builtIn("amsterdam"))
                .generate(0, start, start.plusDays(SEASON_DAYS + 2));
        this.sim = Simulation.of(model, weather, LocalDateTime.of(start, java.time.LocalTime.MIDNIGHT));
        this.loop =
                new ClosedLoop(sim, new RuleBasedClimateController(), TomatoPlant::reading, ClosedLoop.Mode.CONTINUOUS);
        midnights.add(sim.stateView().clone());
    }

    /** The library of the model's lamp type (models of one id share it). */
    static SeasonLibrary of(TomatoModel model) {
        return LIBRARIES.computeIfAbsent(model.id(), k -> new SeasonLibrary(model));
    }

    /** The state at midnight {@code day} days into the season (0 = planting), simulating up to it if needed. */
    synchronized double[] stateAtDay(int day) {
        if (day < 0 || day > SEASON_DAYS) {
            throw new IllegalArgumentException("season day " + day + " outside 0.." + SEASON_DAYS);
        }
        while (midnights.size() <= day) {
            for (int k = 0; k < 288; k++) {
                loop.step(300);
            }
            midnights.add(sim.stateView().clone());
        }
        return midnights.get(day).clone();
    }
}
