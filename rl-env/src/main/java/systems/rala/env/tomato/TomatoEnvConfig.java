package systems.rala.env.tomato;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import systems.rala.env.core.EnvOptions;
import systems.rala.env.scenario.Split;

/**
 * The configuration of {@code GreenhouseTomato-v0}, from named options. Every option, its default and its
 * range:
 *
 * <pre>
 * lamps           led | hps                          led      Katzin 2021 lamp set
 * action_mode     setpoint | residual | direct       setpoint set-points for the climate computer's loops, offsets to the
 *                                                             rule-based controller's set-points, or actuator positions
 * dt              control step [s], 300..3600        900
 * episode_days    1..350                              10
 * start           random | MM-DD                      random   random: any day of the season (27 Sep + 0..350-episode_days)
 * weather         generated | PATH                    generated
 * mapping         mapping file of a CSV weather file
 * site            amsterdam | PATH                    amsterdam generator parameters (built in, or from `rala weather fit`)
 * split           train | validation | test           train    disjoint pools of generated years (see Split)
 * weather_noise_temp_k / weather_noise_radiation / weather_noise_tau_h   0, 0, 6     Ornstein-Uhlenbeck weather perturbation
 * forecast_hours  0..48                               6        hourly forecast of radiation and temperature in the observation
 * forecast_noise_temp_k / forecast_noise_radiation    0, 0     forecast error after 24 h (grows with sqrt of lead time)
 * prices          constant | day-night | PATH         constant GreenLight-Gym prices, the Dutch 07-23 h tariff, or an hourly CSV
 * param_noise     0..0.5                              0        every randomised parameter times U(1-d, 1+d) per episode
 * randomize       comma list of parameter names       cLeakage,aRoof,cDgh,hRf,pBoil,rB,rSMin,sla
 * observe         comma list of climate, crop, weather, forecast, time, action    all
 * w_temp, w_rh, w_co2   penalty weights [EUR per K h, per % h, per ppm h]        0.02, 0.002, 5e-5
 * param.NAME      a model parameter's value (e.g. from rala calibrate's params.json), checked against its range;
 *                 episodes still start from the nominal model's reference-season states
 * </pre>
 */
record TomatoEnvConfig(
        boolean hps,
        boolean setpointMode,
        boolean residual,
        double dt,
        int episodeDays,
        int fixedStartDay,
        String weather,
        Path mapping,
        String site,
        Split split,
        double noiseTempK,
        double noiseRadiation,
        double noiseTauHours,
        int forecastHours,
        double forecastNoiseTempK,
        double forecastNoiseRadiation,
        String prices,
        double paramNoise,
        List<String> randomize,
        Set<Module> modules,
        double wTemp,
        double wRh,
        double wCo2,
        Map<String, Double> params) {

    /** Observation modules. */
    enum Module {
        CLIMATE,
        CROP,
        WEATHER,
        FORECAST,
        TIME,
        ACTION
    }

    /** A random start day of the season. */
    static final int RANDOM_START = -1;

    static TomatoEnvConfig from(EnvOptions o) {
        boolean hps = o.choice("lamps", "led", "led", "hps").equals("hps");
        String mode = o.choice("action_mode", "setpoint", "setpoint", "residual", "direct");
        boolean residual = mode.equals("residual");
        boolean setpoint = residual || mode.equals("setpoint");
        double dt = o.number("dt", 900, 300, 3600);
        if (dt % 300 != 0) {
            throw new IllegalArgumentException("option dt = " + dt + " s must be a multiple of 300 s");
        }
        int days = o.integer("episode_days", 10, 1, SeasonLibrary.SEASON_DAYS);
        String start = o.string("start", "random");
        int startDay = RANDOM_START;
        if (!start.equals("random")) {
            startDay = seasonDay(start);
            if (startDay + days > SeasonLibrary.SEASON_DAYS) {
                throw new IllegalArgumentException("option start = " + start + " with episode_days = " + days
                        + " runs past the season's end (27 September + 350 days)");
            }
        }
        String weather = o.string("weather", "generated");
        String mapping = o.string("mapping", null);
        String site = o.string("site", "amsterdam");
        Split split = Split.of(o.string("split", "train"));
        double nT = o.number("weather_noise_temp_k", 0, 0, 10);
        double nR = o.number("weather_noise_radiation", 0, 0, 0.9);
        double tau = o.number("weather_noise_tau_h", 6, 0.1, 240);
        int fh = o.integer("forecast_hours", 6, 0, 48);
        double fT = o.number("forecast_noise_temp_k", 0, 0, 20);
        double fR = o.number("forecast_noise_radiation", 0, 0, 1);
        String prices = o.string("prices", "constant");
        double pn = o.number("param_noise", 0, 0, 0.5);
        List<String> randomize = List.of(o.string("randomize", "cLeakage,aRoof,cDgh,hRf,pBoil,rB,rSMin,sla")
                .split(","));
        Set<Module> modules = EnumSet.noneOf(Module.class);
        for (String m :
                o.string("observe", "climate,crop,weather,forecast,time,action").split(",")) {
            try {
                modules.add(Module.valueOf(m.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "option observe: '" + m + "' is not one of climate, crop, weather, forecast, time, action");
            }
        }
        if (modules.isEmpty()) {
            throw new IllegalArgumentException("option observe lists no module");
        }
        if (fh == 0) {
            modules.remove(Module.FORECAST);
        }
        double wT = o.number("w_temp", 0.02, 0, 100);
        double wRh = o.number("w_rh", 0.002, 0, 100);
        double wCo2 = o.number("w_co2", 5e-5, 0, 100);
        Map<String, Double> params = new java.util.TreeMap<>();
        for (String key : o.asMap().keySet()) {
            if (key.startsWith("param.")) {
                params.put(key.substring(6), o.number(key, 0, -Double.MAX_VALUE, Double.MAX_VALUE));
            }
        }
        return new TomatoEnvConfig(
                hps,
                setpoint,
                residual,
                dt,
                days,
                startDay,
                weather,
                mapping == null ? null : Path.of(mapping),
                site,
                split,
                nT,
                nR,
                tau,
                fh,
                fT,
                fR,
                prices,
                pn,
                new ArrayList<>(randomize),
                modules,
                wT,
                wRh,
                wCo2,
                Map.copyOf(params));
    }

    /** Days from 27 September to {@code mmdd} (MM-DD) in a common year, within the season. */
    static int seasonDay(String mmdd) {
        java.time.MonthDay md;
        try {
            md = java.time.MonthDay.parse("--" + mmdd);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("option start = '" + mmdd + "' is not random or MM-DD");
        }
        java.time.LocalDate seasonStart =
                java.time.LocalDate.of(2001, SeasonLibrary.SEASON_MONTH, SeasonLibrary.SEASON_DAY);
        java.time.LocalDate d = md.atYear(
                md.getMonthValue() >= SeasonLibrary.SEASON_MONTH
                                && !(md.getMonthValue() == SeasonLibrary.SEASON_MONTH
                                        && md.getDayOfMonth() < SeasonLibrary.SEASON_DAY)
                        ? 2001
                        : 2002);
        return (int) java.time.temporal.ChronoUnit.DAYS.between(seasonStart, d);
    }
}
