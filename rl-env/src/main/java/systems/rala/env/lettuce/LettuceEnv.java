package systems.rala.env.lettuce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import systems.rala.env.core.AbstractEnv;
import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.EnvOptions;
import systems.rala.env.core.Seeds;
import systems.rala.env.core.Space;
import systems.rala.twin.lettuce.LettuceUnits;
import systems.rala.twin.lettuce.VanHentenLettuce;
import systems.rala.twin.lettuce.VanHentenParameters;
import systems.rala.twin.model.ParameterSpec;
import systems.rala.twin.model.Parameters;
import systems.rala.twin.model.Variable;
import systems.rala.twin.ode.OdeSystem;
import systems.rala.twin.ode.RungeKutta4;
import systems.rala.twin.weather.WeatherVariable;

/**
 * {@value #ID}: the Van Henten lettuce greenhouse RL/MPC benchmark (van Laatum et al., "Stochastic model
 * predictive control with reinforcement learning for greenhouse production systems under parametric
 * uncertainty", Control Engineering Practice, code RL-SMPC; re-implemented with pinned returns by
 * gsoykan/lettuce-greenhouse-gym) on RALA's {@link VanHentenLettuce} model. The research notes {@code
 * benchmark.md} sections 1 to 5 describe the benchmark; this class follows them.
 *
 * <h2>Episode</h2>
 *
 * <p>A lettuce crop from planting (x0 = 0.0035 kg m⁻² dry weight, 537 ppm, 15 °C, 63 % RH) to harvest after
 * 40 days: {@value #STEPS} control steps of {@value #DT} s. The last step ends the episode with {@code
 * terminated} (the harvest is the task's end); {@code truncated} is never set by the environment.
 *
 * <h2>Step k</h2>
 *
 * <ol>
 *   <li>The action a ∈ [−1, 1]³ (anything else is refused) moves the controls by at most their rate limit:
 *       u_k = clip(u_{k−1} + a ⊙ δu_max, 0, u_max), δu_max = u_max / 10, u_{−1} = [0, 0, 50].
 *   <li>The weather v_k of the step (sampled at its start, held for the whole step; {@link LettuceWeather})
 *       and u_k drive the model over {@value #DT} s: classical RK4 with {@value #SUBSTEPS} sub-steps of 450 s
 *       ({@link RungeKutta4}), then each state clamped to its range ({@link VanHentenLettuce#states()}).
 *   <li>The reward is the economic result of the step minus linear penalties on the new state (section
 *       "Reward" of {@code rl-env/README.md}): r = revenue − heat_cost − co2_cost − penalty_co2 − penalty_temp −
 *       penalty_rh, each reported in the info with the controls applied. The return is the plain sum.
 * </ol>
 *
 * <h2>Observation</h2>
 *
 * <p>The van Laatum standard observation, 8 + 4·(f + 1) values with f = {@code forecast_steps}: crop dry weight
 * [kg m⁻²], indoor CO2 [ppm], indoor temperature [°C], indoor RH [%, capped at 100], the previous controls
 * u_{k−1} [mg m⁻² s⁻¹, mm s⁻¹, W m⁻²], the step counter k (0 at reset), then the weather of steps k … k + f in
 * model units, row-major as van Laatum's {@code FutureWeatherObservations}: f + 1 radiations [W m⁻²], then f + 1
 * CO2 concentrations [kg m⁻³], f + 1 temperatures [°C], f + 1 vapour densities [kg m⁻³]. After a step, k has
 * been incremented, so the weather shown first is that of the next step to be applied.
 *
 * <h2>Options</h2>
 *
 * <p>{@code weather} (generated | path of a weather file), {@code mapping}, {@code start}, {@code split},
 * {@code scenario}, {@code train_scenarios} ({@link LettuceScenarios}); {@code forecast_steps} (0 to
 * {@value #MAX_FORECAST}, default 0; van Laatum's forecast observation is 12); {@code param_noise} δ (default
 * 0): every model coefficient multiplied by an independent factor drawn from U(1 − δ, 1 + δ) at each reset.
 *
 * <p>Random choices come from the episode seed through {@link Seeds} streams: the weather scenario from
 * {@link Seeds#WEATHER}, the coefficient factors from {@link Seeds#PARAMETERS}. {@link #step} allocates
 * nothing; {@link #reset} makes a new model when {@code param_noise} is positive, and the first use of a
 * scenario generates its weather.
 */
public final class LettuceEnv extends AbstractEnv implements systems.rala.env.agents.HasBaselines {

    /** The registered identifier. */
    public static final String ID = "GreenhouseLettuce-v0";

    /**
     * Fresh lettuce per kg of dry weight, (1 − 0.07) × 22.5 = 20.925: the benchmark's price conversion
     * (Harraway, params.py), used for the fresh-yield KPI.
     */
    public static final double FRESH_PER_DRY = (1 - 0.07) * 22.5;

    private final systems.rala.twin.accounting.KpiCalculator kpi = new systems.rala.twin.accounting.KpiCalculator(
            systems.rala.twin.accounting.Economics.lettuceDefaults(),
            systems.rala.twin.accounting.ClimateBounds.lettuce());

    /** One-line description for the registry. */
    public static final String DESCRIPTION = "Van Henten lettuce greenhouse, the RL/MPC benchmark of van Laatum et"
            + " al. (RL-SMPC): 40 days of 30-min steps, rate-limited changes of CO2 supply, ventilation and"
            + " heating, reward = crop revenue - heating and CO2 costs - climate penalties; generated Amsterdam"
            + " weather (train/validation/test splits) or a weather file";

    /** Control step [s]: benchmark.md section 1. */
    public static final double DT = 1800.0;

    /** Steps per episode: 40 days of {@link #DT}. */
    public static final int STEPS = 1920;

    /** RK4 sub-steps per control step (450 s each): RL-SMPC {@code number_of_finite_elements = 4}. */
    public static final int SUBSTEPS = 4;

    /** Largest {@code forecast_steps}: 24 h ahead. */
    public static final int MAX_FORECAST = 48;

    /** Actuator upper bounds u_max [mg m⁻² s⁻¹, mm s⁻¹, W m⁻²]; u_min = 0. RL-SMPC LettuceGreenhouse.yml. */
    private static final double[] U_MAX = {1.2, 7.5, 150.0};

    /** Rate limits per step δu_max = u_max / 10 [same units]: benchmark.md section 2. */
    private static final double[] DU_MAX = {0.12, 0.75, 15.0};

    /** The controls before the first step, u_{−1} [same units]: heating 50 W m⁻². benchmark.md section 2. */
    private static final double[] U0 = {0.0, 0.0, 50.0};

    /** Price of crop dry weight c_p3 [€ kg⁻¹]: RL-SMPC DefineParameters productPrice2. */
    public static final double LETTUCE_PRICE = 22.285125;

    /** Price of heat [€ kWh⁻¹]: RL-SMPC DefineParameters energyCost. */
    public static final double HEAT_PRICE = 0.1281;

    /** Price of CO2 [€ kg⁻¹] (0.42 Hfl kg⁻¹ / 2.20371): RL-SMPC DefineParameters co2Cost. */
    public static final double CO2_PRICE = 0.1906;

    /** CO2 band [ppm] and penalty weight below and above it [€ ppm⁻¹ m⁻²]: RL-SMPC LettuceGreenhouse.yml. */
    public static final double CO2_LOW = 500.0;

    /** Upper end of the CO2 band [ppm]. */
    public static final double CO2_HIGH = 1600.0;

    /** Penalty weight per ppm outside the CO2 band, both sides [€ ppm⁻¹ m⁻²]. */
    public static final double CO2_WEIGHT = 5e-5;

    /** Temperature band [°C], day and night. */
    public static final double TEMP_LOW = 10.0;

    /** Upper end of the temperature band [°C]. */
    public static final double TEMP_HIGH = 20.0;

    /** Penalty weight per °C below the band [€ °C⁻¹ m⁻²]. */
    public static final double TEMP_WEIGHT_LOW = 3e-3;

    /** Penalty weight per °C above the band [€ °C⁻¹ m⁻²]. */
    public static final double TEMP_WEIGHT_HIGH = 5e-3;

    /** Upper end of the RH band [%] (the lower end, 0, cannot be violated). */
    public static final double RH_HIGH = 80.0;

    /** Penalty weight per % RH above the band [€ %⁻¹ m⁻²]. */
    public static final double RH_WEIGHT = 7e-4;

    /** Info key: revenue of the dry-weight gain of the step [€ m⁻²]. */
    public static final String REVENUE = "revenue";
    /** Info key: cost of the heating of the step [€ m⁻²]. */
    public static final String HEAT_COST = "heat_cost";
    /** Info key: cost of the CO2 supplied in the step [€ m⁻²]. */
    public static final String CO2_COST = "co2_cost";
    /** Info key: penalty for indoor CO2 outside 500–1600 ppm after the step [€ m⁻²]. */
    public static final String PENALTY_CO2 = "penalty_co2";
    /** Info key: penalty for the indoor temperature outside 10–20 °C after the step [€ m⁻²]. */
    public static final String PENALTY_TEMP = "penalty_temp";
    /** Info key: penalty for indoor RH above 80 % after the step [€ m⁻²]. */
    public static final String PENALTY_RH = "penalty_rh";
    /** Info key: CO2 supply applied in the step, U_c [mg m⁻² s⁻¹]. */
    public static final String CO2_SUPPLY = "co2_supply";
    /** Info key: ventilation applied in the step, U_v [mm s⁻¹]. */
    public static final String VENTILATION = "ventilation";
    /** Info key: heating applied in the step, U_q [W m⁻²]. */
    public static final String HEATING = "heating";
    /** Info key at reset: generator seed of the episode's weather (generated weather only). */
    public static final String WEATHER_SEED = "weather_seed";
    /** Info key at reset: year of the episode's generated weather. */
    public static final String WEATHER_YEAR = "weather_year";
    /** Info key at reset: index of the scenario in its split (−1 for a fresh train draw). */
    public static final String SCENARIO = "scenario";

    /** Index of the step counter in the observation. */
    public static final int OBS_STEP = 7;

    /** Index of the first weather value in the observation. */
    public static final int OBS_WEATHER = 8;

    // €/m2 per unit of control held for one step, precomputed
    private static final double HEAT_COST_PER_W = HEAT_PRICE * DT / 3600.0 / 1000.0; // € per (W m-2) per step
    private static final double CO2_COST_PER_MG = CO2_PRICE * 1e-6 * DT; // € per (mg m-2 s-1) per step

    private static final Set<String> WEATHER_OPTIONS =
            Set.of("weather", "mapping", "start", "split", "scenario", "train_scenarios");

    private static final BoxSpace ACTIONS = new BoxSpace(List.of(
            new BoxSpace.Component(
                    "co2_supply_change",
                    "-",
                    "change of the CO2 supply as a fraction of its rate limit, 0.12 mg m-2 s-1 per step",
                    -1.0,
                    1.0),
            new BoxSpace.Component(
                    "ventilation_change",
                    "-",
                    "change of the ventilation as a fraction of its rate limit, 0.75 mm s-1 per step",
                    -1.0,
                    1.0),
            new BoxSpace.Component(
                    "heating_change",
                    "-",
                    "change of the heating as a fraction of its rate limit, 15 W m-2 per step",
                    -1.0,
                    1.0)));

    private final BoxSpace observations;
    private final int forecast;
    private final int window;
    private final double paramNoise;
    private final LettuceScenarios scenarios;
    private final Parameters nominal;
    private final double[] xMin = new double[4];
    private final double[] xMax = new double[4];
    private final RungeKutta4 rk4 = new RungeKutta4(SUBSTEPS);
    private final HeldStep held = new HeldStep();
    private final double[] x = new double[4];
    private final double[] uPrev = new double[3];

    private VanHentenLettuce model;
    private LettuceWeather weather;
    private int k;

    /** The environment with every option at its default (generated weather, train split, 9 February). */
    public LettuceEnv() {
        this(EnvOptions.none());
    }

    /**
     * The environment with {@code options}: {@code weather}, {@code mapping}, {@code start}, {@code split},
     * {@code scenario}, {@code train_scenarios}, {@code forecast_steps}, {@code param_noise} (see {@code
     * rl-env/README.md}).
     *
     * @throws IllegalArgumentException for an invalid option value, naming the option, the value and what is
     *     allowed; a weather file that does not cover the episode
     */
    public LettuceEnv(EnvOptions options) {
        this(options, null);
    }

    /**
     * The environment on a given weather table, the same in every episode (for MPC studies, tests and custom
     * scenarios). The table needs {@value #STEPS} + 1 + {@code forecast_steps} rows {@value #DT} s apart.
     * Options: {@code forecast_steps} and {@code param_noise}.
     *
     * @throws IllegalArgumentException for a weather option, a table too short or with another step
     */
    public static LettuceEnv onWeather(LettuceWeather weather, EnvOptions options) {
        for (String key : options.asMap().keySet()) {
            if (WEATHER_OPTIONS.contains(key)) {
                throw new IllegalArgumentException(
                        "option " + key + " chooses the weather, which onWeather(...) is given; leave it out");
            }
        }
        return new LettuceEnv(options, weather);
    }

    private LettuceEnv(EnvOptions options, LettuceWeather given) {
        super(8 + 4 * (forecastOption(options) + 1));
        this.forecast = forecastOption(options);
        this.window = forecast + 1;
        this.paramNoise = paramNoiseOption(options);
        int rows = STEPS + window;
        if (given != null) {
            if (given.rows() < rows) {
                throw new IllegalArgumentException("weather has " + given.rows() + " rows; " + STEPS
                        + " steps with forecast_steps = " + forecast + " need " + rows);
            }
            if (given.stepSeconds() != DT) {
                throw new IllegalArgumentException(
                        "weather rows are " + given.stepSeconds() + " s apart; the environment steps " + DT + " s");
            }
            this.scenarios = LettuceScenarios.fixed(given);
        } else {
            this.scenarios = LettuceScenarios.fromOptions(options, rows, DT);
        }
        this.nominal = VanHentenLettuce.defaultParameters();
        this.model = new VanHentenLettuce(nominal);
        List<Variable> states = model.states();
        for (int i = 0; i < 4; i++) {
            xMin[i] = states.get(i).min();
            xMax[i] = states.get(i).max();
        }
        this.observations = observationSpace(forecast, xMax);
        this.weather = scenarios.isFixed() ? scenarios.weather(null) : null;
    }

    private static int forecastOption(EnvOptions options) {
        return options.integer("forecast_steps", 0, 0, MAX_FORECAST);
    }

    /** The largest δ for which every perturbed coefficient stays within its declared physical range. */
    static double maxParamNoise() {
        double max = Double.POSITIVE_INFINITY;
        for (ParameterSpec p : perturbedSpecs()) {
            double v = p.defaultValue();
            max = Math.min(max, Math.min(p.max() / v - 1.0, 1.0 - p.min() / v));
        }
        return max;
    }

    private static List<ParameterSpec> perturbedSpecs() {
        List<ParameterSpec> specs = new ArrayList<>();
        for (ParameterSpec p : VanHentenParameters.SPECS) {
            if (!p.name().equals(VanHentenParameters.VENT_IN_HUMIDITY)) {
                specs.add(p);
            }
        }
        return specs;
    }

    private static double paramNoiseOption(EnvOptions options) {
        double delta = options.number("param_noise", 0.0, 0.0, 1.0);
        double max = maxParamNoise();
        if (delta > max) {
            StringBuilder limiting = new StringBuilder();
            for (ParameterSpec p : perturbedSpecs()) {
                double v = p.defaultValue();
                if (v * (1 - delta) < p.min() || v * (1 + delta) > p.max()) {
                    limiting.append(limiting.length() == 0 ? "" : "; ")
                            .append(p.name())
                            .append(" = ")
                            .append(v)
                            .append(' ')
                            .append(p.unit())
                            .append(" would leave its physical range ")
                            .append(p.min())
                            .append(" to ")
                            .append(p.max());
                }
            }
            throw new IllegalArgumentException(String.format(
                    java.util.Locale.ROOT,
                    "option param_noise = %s is outside the allowed range 0 to %.4f: %s (VanHentenParameters)",
                    delta,
                    max,
                    limiting));
        }
        return delta;
    }

    private static BoxSpace observationSpace(int forecast, double[] xMax) {
        List<BoxSpace.Component> c = new ArrayList<>();
        c.add(new BoxSpace.Component(
                "crop_dry_weight", "kg m-2", "crop dry weight X_d (clamped to the model's range)", 0.002, xMax[0]));
        c.add(new BoxSpace.Component(
                "air_co2",
                "ppm",
                "indoor CO2, X_c converted at the indoor temperature",
                0.0,
                LettuceUnits.co2Ppm(xMax[1], xMax[2])));
        c.add(new BoxSpace.Component("air_temperature", "C", "indoor air temperature X_T", 5.0, xMax[2]));
        c.add(new BoxSpace.Component(
                "air_relative_humidity", "%", "indoor RH from X_h at X_T, capped at 100", 0.0, 100.0));
        c.add(new BoxSpace.Component(
                "prev_co2_supply", "mg m-2 s-1", "CO2 supply U_c of the previous step (0 at reset)", 0.0, U_MAX[0]));
        c.add(new BoxSpace.Component(
                "prev_ventilation", "mm s-1", "ventilation U_v of the previous step (0 at reset)", 0.0, U_MAX[1]));
        c.add(new BoxSpace.Component(
                "prev_heating", "W m-2", "heating U_q of the previous step (50 at reset)", 0.0, U_MAX[2]));
        c.add(new BoxSpace.Component("step", "-", "steps taken in the episode, 0 to " + STEPS, 0.0, STEPS));
        String[] names = {"outdoor_radiation", "outdoor_co2", "outdoor_temperature", "outdoor_vapour"};
        String[] units = {"W m-2", "kg m-3", "C", "kg m-3"};
        String[] what = {
            "outdoor global radiation V_rad",
            "outdoor CO2 V_c (ppm converted at the outdoor temperature)",
            "outdoor air temperature V_T",
            "outdoor humidity V_h (RH converted at the outdoor temperature)"
        };
        double[] lo = {0.0, LettuceWeather.CO2_MIN, WeatherVariable.AIR_TEMPERATURE.min(), 0.0};
        double[] hi = {
            WeatherVariable.GLOBAL_RADIATION.max(),
            LettuceWeather.CO2_MAX,
            WeatherVariable.AIR_TEMPERATURE.max(),
            LettuceWeather.VAPOUR_MAX
        };
        for (int v = 0; v < 4; v++) {
            for (int j = 0; j <= forecast; j++) {
                String name = forecast == 0 ? names[v] : names[v] + "_" + j;
                String when = j == 0 ? " of the next step" : " " + j + " steps after the next step";
                c.add(new BoxSpace.Component(name, units[v], what[v] + when, lo[v], hi[v]));
            }
        }
        return new BoxSpace(c);
    }

    @Override
    public systems.rala.env.agents.Agent baseline(String name) {
        return LettuceBaselines.of(name);
    }

    @Override
    public java.util.List<String> baselines() {
        return LettuceBaselines.NAMES;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public BoxSpace observationSpace() {
        return observations;
    }

    @Override
    public Space actionSpace() {
        return ACTIONS;
    }

    @Override
    protected void onReset(long seed) {
        LettuceScenarios.Scenario s = scenarios.draw(Seeds.stream(seed, Seeds.WEATHER));
        weather = scenarios.weather(s);
        if (paramNoise > 0) {
            model = perturbedModel(Seeds.stream(seed, Seeds.PARAMETERS));
        }
        model.initialState(x);
        System.arraycopy(U0, 0, uPrev, 0, 3);
        k = 0;
        kpi.reset();
        writeObservation(model.indoorCo2Ppm(x), model.measuredRelativeHumidity(x));
        if (s != null) {
            step.info.put(WEATHER_SEED, s.seed());
            step.info.put(WEATHER_YEAR, s.year());
            step.info.put(SCENARIO, s.index());
        }
    }

    /** Every coefficient (not the switch vent_in_humidity) times U(1 − δ, 1 + δ), in declaration order. */
    private VanHentenLettuce perturbedModel(SplittableRandom rng) {
        Map<String, Double> factors = new LinkedHashMap<>();
        for (ParameterSpec p : perturbedSpecs()) {
            double f = 1.0 + paramNoise * (2.0 * rng.nextDouble() - 1.0);
            factors.put(p.name(), nominal.get(p.name()) * f);
        }
        return new VanHentenLettuce(nominal.with(factors));
    }

    @Override
    protected void onStep(double[] a) {
        double uc = clip(uPrev[0] + a[0] * DU_MAX[0], U_MAX[0]);
        double uv = clip(uPrev[1] + a[1] * DU_MAX[1], U_MAX[1]);
        double uq = clip(uPrev[2] + a[2] * DU_MAX[2], U_MAX[2]);
        uPrev[0] = uc;
        uPrev[1] = uv;
        uPrev[2] = uq;

        LettuceWeather w = weather;
        held.model = model;
        held.u = uPrev;
        held.radiation = w.radiation(k);
        held.co2 = w.co2(k);
        held.temperature = w.temperature(k);
        held.vapour = w.vapour(k);
        double dryBefore = x[0];
        rk4.integrate(held, 0.0, x, DT);
        for (int i = 0; i < 4; i++) {
            x[i] = Math.min(Math.max(x[i], xMin[i]), xMax[i]);
        }

        double temp = x[2];
        double ppm = LettuceUnits.co2Ppm(x[1], temp);
        double rh = Math.min(100.0, LettuceUnits.relativeHumidity(x[3], temp));
        double revenue = LETTUCE_PRICE * (x[0] - dryBefore);
        double heatCost = HEAT_COST_PER_W * uq;
        double co2Cost = CO2_COST_PER_MG * uc;
        double penCo2 = CO2_WEIGHT * (Math.max(0.0, CO2_LOW - ppm) + Math.max(0.0, ppm - CO2_HIGH));
        double penTemp =
                TEMP_WEIGHT_LOW * Math.max(0.0, TEMP_LOW - temp) + TEMP_WEIGHT_HIGH * Math.max(0.0, temp - TEMP_HIGH);
        double penRh = RH_WEIGHT * Math.max(0.0, rh - RH_HIGH);

        k++;
        writeObservation(ppm, rh);
        step.reward = revenue - heatCost - co2Cost - (penCo2 + penTemp + penRh);
        step.terminated = k >= STEPS;
        step.info.put(REVENUE, revenue);
        step.info.put(HEAT_COST, heatCost);
        step.info.put(CO2_COST, co2Cost);
        step.info.put(PENALTY_CO2, penCo2);
        step.info.put(PENALTY_TEMP, penTemp);
        step.info.put(PENALTY_RH, penRh);
        step.info.put(CO2_SUPPLY, uc);
        step.info.put(VENTILATION, uv);
        step.info.put(HEATING, uq);
        // the KPIs every RALA environment reports (KpiCalculator), with the benchmark's prices
        double vpd = systems.rala.twin.physics.Psychrometrics.vpdKpa(temp, rh);
        kpi.add(
                DT,
                uq * DT,
                0,
                uc * 1e-6 * DT,
                (x[0] - dryBefore) * FRESH_PER_DRY,
                0,
                0,
                HEAT_PRICE,
                CO2_PRICE,
                temp,
                rh,
                ppm,
                vpd);
        step.info.put("kpi.heat_kwh_m2", kpi.heatKwhM2());
        step.info.put("kpi.co2_kg_m2", kpi.co2KgM2());
        step.info.put("kpi.cost_eur_m2", kpi.costEurM2());
        step.info.put("kpi.yield_fresh_kg_m2", kpi.yieldFreshKgM2());
        step.info.put("kpi.profit_eur_m2", kpi.profitEurM2());
        step.info.put("kpi.emissions_kgco2e_m2", kpi.emissionsKgM2());
        step.info.put("kpi.temp_violation_kh", kpi.tempViolationKh());
        step.info.put("kpi.rh_violation_pct_h", kpi.rhViolationPctH());
        step.info.put("kpi.co2_violation_ppm_h", kpi.co2ViolationPpmH());
    }

    private static double clip(double v, double max) {
        return v > max ? max : v >= 0.0 ? v : 0.0;
    }

    private void writeObservation(double ppm, double rh) {
        double[] o = step.observation;
        o[0] = x[0];
        o[1] = ppm;
        o[2] = x[2];
        o[3] = rh;
        o[4] = uPrev[0];
        o[5] = uPrev[1];
        o[6] = uPrev[2];
        o[OBS_STEP] = k;
        LettuceWeather w = weather;
        int base = OBS_WEATHER;
        for (int j = 0; j < window; j++) {
            int row = k + j;
            o[base + j] = w.radiation(row);
            o[base + window + j] = w.co2(row);
            o[base + 2 * window + j] = w.temperature(row);
            o[base + 3 * window + j] = w.vapour(row);
        }
    }

    /**
     * The action that moves the controls from {@code previous} towards {@code target} as far as the rate
     * limits allow: a = clip((u* − u_{k−1}) / δu_max, −1, 1) (gsoykan's {@code encode_control}, used by all
     * the benchmark's baselines). Written into {@code action}.
     *
     * @param previous the controls of the previous step [mg m⁻² s⁻¹, mm s⁻¹, W m⁻²], observation 4 to 6
     * @param target the controls wanted [same units]
     * @param action receives the action, 3 values in [−1, 1]
     */
    public static void actionTowards(double[] previous, double[] target, double[] action) {
        for (int i = 0; i < 3; i++) {
            double a = (target[i] - previous[i]) / DU_MAX[i];
            action[i] = a > 1.0 ? 1.0 : a >= -1.0 ? a : -1.0;
        }
    }

    /** Upper bound of control {@code i} [mg m⁻² s⁻¹, mm s⁻¹, W m⁻²]. */
    public static double controlMax(int i) {
        return U_MAX[i];
    }

    /** Rate limit of control {@code i} per step, u_max / 10 [mg m⁻² s⁻¹, mm s⁻¹, W m⁻²]. */
    public static double rateLimit(int i) {
        return DU_MAX[i];
    }

    /** The model of the current episode (with perturbed coefficients when {@code param_noise} is positive). */
    public VanHentenLettuce model() {
        return model;
    }

    /** The weather of the current episode (null before the first reset with generated weather). */
    public LettuceWeather weather() {
        return weather;
    }

    /** Steps taken in the current episode. */
    public int stepCount() {
        return k;
    }

    /** State component {@code i} of the model ({@link VanHentenLettuce#DRY_WEIGHT} …), in model units. */
    public double state(int i) {
        return x[i];
    }

    /** Number of weather steps shown in the observation beyond the next one. */
    public int forecastSteps() {
        return forecast;
    }

    /** The model with inputs and weather held over one control step. */
    private static final class HeldStep implements OdeSystem {
        VanHentenLettuce model;
        double[] u;
        double radiation;
        double co2;
        double temperature;
        double vapour;

        @Override
        public int dimension() {
            return 4;
        }

        @Override
        public void derivatives(double t, double[] x, double[] dxdt) {
            model.derivativesInModelUnits(x, u, radiation, co2, temperature, vapour, dxdt);
        }
    }
}
