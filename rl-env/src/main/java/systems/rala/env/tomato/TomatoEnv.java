package systems.rala.env.tomato;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import systems.rala.env.agents.Agent;
import systems.rala.env.agents.HasBaselines;
import systems.rala.env.core.AbstractEnv;
import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.EnvOptions;
import systems.rala.env.core.Seeds;
import systems.rala.env.core.Space;
import systems.rala.env.core.Step;
import systems.rala.env.plant.ClosedLoop;
import systems.rala.env.plant.Reading;
import systems.rala.env.plant.TomatoPlant;
import systems.rala.env.scenario.OrnsteinUhlenbeck;
import systems.rala.env.scenario.WeatherPool;
import systems.rala.runtime.control.ControlInput;
import systems.rala.runtime.control.Controller;
import systems.rala.runtime.control.baseline.PidClimateController;
import systems.rala.runtime.control.rules.RuleBasedClimateController;
import systems.rala.runtime.control.rules.SupervisedClimateController;
import systems.rala.runtime.tick.PolicyActuation;
import systems.rala.twin.accounting.ClimateBounds;
import systems.rala.twin.accounting.Economics;
import systems.rala.twin.accounting.KpiCalculator;
import systems.rala.twin.model.Parameters;
import systems.rala.twin.physics.Psychrometrics;
import systems.rala.twin.prices.HourlyPrices;
import systems.rala.twin.prices.PriceSampler;
import systems.rala.twin.prices.PriceSchedule;
import systems.rala.twin.prices.Prices;
import systems.rala.twin.sim.Simulation;
import systems.rala.twin.tomato.TomatoModel;
import systems.rala.twin.weather.WeatherFiles;
import systems.rala.twin.weather.WeatherSampler;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.WeatherVariable;
import systems.rala.twin.weather.generator.GeneratorParams;

/**
 * {@code GreenhouseTomato-v0}: a Dutch Venlo tomato greenhouse with top-lights (the GreenLight twin, Katzin
 * 2021), controlled for profit. See {@link TomatoEnvConfig} for every option.
 *
 * <h2>Actions</h2>
 *
 * <table>
 *   <caption>action_mode = setpoint (default): set-points for the climate computer's loops</caption>
 *   <tr><th>name</th><th>unit</th><th>range</th><th>meaning</th></tr>
 *   <tr><td>heating_setpoint</td><td>°C</td><td>10–25</td><td>the boiler heats below it</td></tr>
 *   <tr><td>ventilation_setpoint</td><td>°C</td><td>15–35</td><td>the roof vents open above it</td></tr>
 *   <tr><td>co2_setpoint</td><td>ppm</td><td>400–1600</td><td>CO2 is dosed below it</td></tr>
 *   <tr><td>lamps</td><td>-</td><td>0–1</td><td>top-lights on at 0.5 and above</td></tr>
 * </table>
 *
 * <table>
 *   <caption>action_mode = residual: corrections to the rule-based controller's set-points</caption>
 *   <tr><th>name</th><th>unit</th><th>range</th><th>meaning</th></tr>
 *   <tr><td>heating_offset</td><td>K</td><td>−5–5</td><td>added to the rule's heating set-point</td></tr>
 *   <tr><td>ventilation_offset</td><td>K</td><td>−5–5</td><td>added to the rule's ventilation set-point</td></tr>
 *   <tr><td>co2_offset</td><td>ppm</td><td>−600–600</td><td>added to the rule's CO2 set-point</td></tr>
 *   <tr><td>lamp_override</td><td>-</td><td>−1–1</td><td>below −0.5 lamps off, above 0.5 on, else the
 *       rule's lamp decision</td></tr>
 * </table>
 *
 * <p>In residual mode the rule-based controller of the {@code rule-based} baseline runs inside the
 * environment; the action corrects its set-points (each sum clipped to the set-point range above), so the
 * zero action is exactly the rule-based controller and a policy starts from it (residual reinforcement
 * learning, Johannink et al. 2019, "Residual Reinforcement Learning for Robot Control", ICRA).
 *
 * <p>The loops (GreenLight's proportional bands, {@link SupervisedClimateController}) act continuously
 * within the step; humidity venting and the thermal screen follow their rules. With {@code
 * action_mode=direct} the actions are the actuator positions uBoil, uExtCo2, uThScr, uRoof, uLamp, uBlScr
 * (each 0–1), held for the step.
 *
 * <h2>Observations</h2>
 *
 * Modules chosen by the {@code observe} option, in this order (names and units in {@link
 * #observationSpace()}): climate (air temperature °C, RH %, CO2 ppm, VPD kPa, canopy and pipe temperatures
 * °C), crop (LAI m² m⁻², fruit dry weight g m⁻², carbohydrate buffer g m⁻², 24-h canopy temperature °C,
 * development −), weather now (radiation W m⁻², temperature °C, RH %, wind m s⁻¹, day radiation sum MJ m⁻²),
 * forecast (radiation and temperature 1..N hours ahead), time (sine and cosine of hour of day and day of
 * year) and the last action. Values beyond the bounds are clipped to them.
 *
 * <h2>Reward</h2>
 *
 * Profit of the step in € m⁻²: fresh fruit grown (dry matter gained by fruit on the plants and harvested,
 * over dry matter content 0.06) times 1.6 € kg⁻¹, minus gas for the heat, electricity and CO2 at the
 * scenario's prices, minus penalties for time outside 15–34 °C, 50–85 % RH and 300–1600 ppm CO2 (weights
 * w_temp, w_rh, w_co2 per K·h, %·h, ppm·h). Every term is in {@code info}: revenue, heat_cost, elec_cost,
 * co2_cost, penalty_temp, penalty_rh, penalty_co2, and the episode's running KPIs (kpi.*).
 *
 * <h2>Episodes</h2>
 *
 * An episode starts at midnight on a day of the season (27 September + 0..350 days; random by default)
 * from the crop and climate of a reference season on that day, on weather of the chosen split, and lasts
 * {@code episode_days}; it is then truncated (the task has no terminal state). Every random choice — weather
 * year, start day, weather noise, forecast errors, parameter randomisation — comes from the reset seed.
 */
public final class TomatoEnv extends AbstractEnv implements HasBaselines {

    /** Fresh fruit price [€/kg]; GreenLight-Gym (van Laatum et al. 2024). */
    public static final double FRUIT_PRICE = 1.6;

    private static final String[] DIRECT = {"uBoil", "uExtCo2", "uThScr", "uRoof", "uLamp", "uBlScr"};

    private final TomatoEnvConfig config;
    private final TomatoModel baseModel;
    private final BoxSpace actionSpace;
    private final BoxSpace observationSpace;
    private final GeneratorParams generatorParams;
    private final WeatherSeries fileWeather;
    private final PriceSchedule priceSchedule;
    private final Economics economics = Economics.tomatoDefaults();
    private final ClimateBounds bounds = ClimateBounds.tomato();
    private final KpiCalculator kpi = new KpiCalculator(economics, bounds);
    private final int episodeSteps;
    private final int[] directInput = new int[DIRECT.length];
    private final double[] setpoints = new double[4];
    /** Residual mode: the rule-based controller whose set-points the action corrects, and its set-points. */
    private final ControllerBaseline rule;

    private final double[] ruleSetpoints = new double[4];
    private final double[] lastAction;
    private final double[] inputs = new double[TomatoModel.INPUTS];
    private final double[] forecastSample = new double[WeatherVariable.COUNT];

    private Simulation sim;
    private TomatoModel model;
    private WeatherSampler forecast;
    private PriceSampler prices;
    private SplittableRandom noise;
    private double fruitBefore;
    private double fruitAtStart;
    private int stepCount;

    /** The environment with {@code options} (see {@link TomatoEnvConfig}). */
    public TomatoEnv(EnvOptions options) {
        this(TomatoEnvConfig.from(options));
    }

    TomatoEnv(TomatoEnvConfig config) {
        super(observationSize(config));
        this.config = config;
        TomatoModel nominal = config.hps() ? TomatoModel.hps() : TomatoModel.led();
        // parameter overrides (param.NAME options) are checked against each parameter's range here
        this.baseModel = config.params().isEmpty()
                ? nominal
                : new TomatoModel(nominal.id(), nominal.parameters().with(config.params()));
        this.actionSpace = actionSpace(config);
        this.lastAction = new double[actionSpace.size()];
        this.observationSpace = buildObservationSpace(config, actionSpace);
        this.generatorParams = config.site().equals("amsterdam")
                ? GeneratorParams.builtIn("amsterdam")
                : GeneratorParams.read(Path.of(config.site()));
        this.fileWeather = config.weather().equals("generated")
                ? null
                : WeatherFiles.read(Path.of(config.weather()), config.mapping());
        this.priceSchedule = switch (config.prices()) {
            case "constant" -> Prices.greenLightGymDefaults();
            case "day-night" -> Prices.dayNight(0.30, 0.20, 7, 23, true, 0.09, 0.3);
            default ->
                HourlyPrices.read(
                        Path.of(config.prices()), generatorParams.site().standardOffset(), 0.09, 0.3);
        };
        this.episodeSteps = (int) Math.round(config.episodeDays() * 86_400.0 / config.dt());
        for (int i = 0; i < DIRECT.length; i++) {
            directInput[i] = baseModel.inputIndex(DIRECT[i]);
        }
        for (String p : config.randomize()) {
            baseModel.parameters().get(p.strip()); // unknown names fail now, naming the known ones
        }
        this.rule = config.residual() ? new ControllerBaseline("rule-based", new RuleBasedClimateController()) : null;
    }

    @Override
    public String id() {
        return "GreenhouseTomato-v0";
    }

    @Override
    public BoxSpace observationSpace() {
        return observationSpace;
    }

    @Override
    public Space actionSpace() {
        return actionSpace;
    }

    /** The simulation of the current episode (for baselines and diagnostics). */
    public Simulation simulation() {
        return sim;
    }

    /** Steps per episode. */
    public int episodeSteps() {
        return episodeSteps;
    }

    @Override
    protected void onReset(long seed) {
        SplittableRandom weatherRng = Seeds.stream(seed, Seeds.WEATHER);
        noise = Seeds.stream(seed, Seeds.NOISE);
        SplittableRandom paramRng = Seeds.stream(seed, Seeds.PARAMETERS);
        int startDay = config.fixedStartDay() >= 0
                ? config.fixedStartDay()
                : weatherRng.nextInt(SeasonLibrary.SEASON_DAYS - config.episodeDays() + 1);
        WeatherSeries weather;
        LocalDate start;
        if (fileWeather == null) {
            int k = weatherRng.nextInt(config.split().size());
            weather = WeatherPool.season(generatorParams, config.split(), k);
            start = LocalDate.of(config.split().year(k), SeasonLibrary.SEASON_MONTH, SeasonLibrary.SEASON_DAY)
                    .plusDays(startDay);
        } else if (fileWeather.isTypicalYear()) {
            weather = fileWeather;
            start = LocalDate.of(2030, SeasonLibrary.SEASON_MONTH, SeasonLibrary.SEASON_DAY)
                    .plusDays(startDay);
        } else {
            weather = fileWeather;
            LocalDate first = fileWeather.coveredFrom().toLocalDate().plusDays(1);
            long span = ChronoUnit.DAYS.between(first, fileWeather.coveredTo().toLocalDate()) - config.episodeDays();
            if (span < 0) {
                throw new IllegalArgumentException("weather " + fileWeather.source() + " is shorter than an episode of "
                        + config.episodeDays() + " days; it covers " + fileWeather.coverage());
            }
            start = config.fixedStartDay() >= 0
                    ? MonthDay.of(SeasonLibrary.SEASON_MONTH, SeasonLibrary.SEASON_DAY)
                            .atYear(first.getYear())
                            .plusDays(startDay)
                    : first.plusDays(weatherRng.nextLong(span + 1));
        }
        LocalDateTime startTime = start.atStartOfDay();
        weather.requireCovers(startTime, java.time.Duration.ofDays(config.episodeDays()));
        Parameters params =
                baseModel.parameters().with("hElevation", weather.site().elevationM());
        if (config.paramNoise() > 0) {
            Map<String, Double> changed = new HashMap<>();
            for (String name : config.randomize()) {
                double factor = 1 + config.paramNoise() * (2 * paramRng.nextDouble() - 1);
                changed.put(name.strip(), params.get(name.strip()) * factor);
            }
            params = params.with(changed);
        }
        model = new TomatoModel(baseModel.id(), params);
        double[] x0 = SeasonLibrary.of(baseModel).stateAtDay(Math.min(startDay, SeasonLibrary.SEASON_DAYS));
        for (int i = TomatoModel.PHYSICAL_STATES; i < x0.length; i++) {
            x0[i] = 0; // accumulators count this episode only
        }
        sim = Simulation.of(model, weather, startTime, Simulation.defaultIntegrator(), x0);
        if (config.noiseTempK() > 0 || config.noiseRadiation() > 0) {
            sim.setWeatherPerturbation(new OrnsteinUhlenbeck(
                    config.episodeDays() * 86_400.0 + 7200,
                    config.noiseTempK(),
                    config.noiseRadiation(),
                    config.noiseTauHours(),
                    noise));
        }
        forecast = weather.sampler(startTime);
        prices = priceSchedule.sampler(startTime);
        if (rule != null) {
            rule.reset();
        }
        if (config.setpointMode()) {
            defaultSetpoints();
            new ClosedLoop(sim, new SupervisedClimateController(), this::reading, ClosedLoop.Mode.CONTINUOUS);
        } else {
            java.util.Arrays.fill(inputs, 0);
            sim.setInputs(inputs);
        }
        if (config.residual()) {
            java.util.Arrays.fill(lastAction, 0);
        } else {
            System.arraycopy(config.setpointMode() ? setpoints : inputsAsAction(), 0, lastAction, 0, lastAction.length);
        }
        kpi.reset();
        stepCount = 0;
        fruitBefore = fruitDryMatter();
        fruitAtStart = fruitBefore;
        observe();
    }

    private double[] inputsAsAction() {
        return new double[actionSpace.size()];
    }

    private void defaultSetpoints() {
        setpoints[0] = 18.5;
        setpoints[1] = 23.5;
        setpoints[2] = 400;
        setpoints[3] = 0;
    }

    /** Readings for the supervised loops: the plant's, plus the set-points of the current action. */
    private Reading reading(String name) {
        return switch (name) {
            case "heating_setpoint" -> (x, d) -> setpoints[0];
            case "ventilation_setpoint" -> (x, d) -> setpoints[1];
            case "co2_setpoint" -> (x, d) -> setpoints[2];
            case "lamp_command" -> (x, d) -> setpoints[3];
            default -> TomatoPlant.reading(name);
        };
    }

    private double fruitDryMatter() {
        return sim.state(TomatoModel.C_FRUIT) + sim.state(TomatoModel.M_FRUIT_HARVEST);
    }

    @Override
    protected void onStep(double[] action) {
        System.arraycopy(action, 0, lastAction, 0, lastAction.length);
        if (config.residual()) {
            rule.act(null, ruleSetpoints);
            PolicyActuation.correct(ruleSetpoints, action, setpoints);
        } else if (config.setpointMode()) {
            System.arraycopy(action, 0, setpoints, 0, 4);
        } else {
            for (int i = 0; i < DIRECT.length; i++) {
                inputs[directInput[i]] = action[i];
            }
            sim.setInputs(inputs);
        }
        double t = sim.time();
        double[] x = sim.stateView();
        double heat0 = x[TomatoModel.E_BOIL];
        double elec0 = x[TomatoModel.E_LAMP];
        double co20 = x[TomatoModel.M_CO2_DOSED];
        double harvest0 = x[TomatoModel.M_FRUIT_HARVEST];
        double par0 = x[TomatoModel.PAR_ABOVE_CANOPY];
        double vT0 = outside(x[TomatoModel.T_AIR], bounds.tempMinC(), bounds.tempMaxC());
        double vRh0 = outside(TomatoModel.relativeHumidity(x), bounds.rhMinPct(), bounds.rhMaxPct());
        double vCo20 = outside(TomatoModel.co2Ppm(x), bounds.co2MinPpm(), bounds.co2MaxPpm());
        double elecPrice = prices.electricityEurPerKwh(t);
        double gasPrice = prices.gasEurPerKwh(t);
        double co2Price = prices.co2EurPerKg(t);

        sim.step(config.dt());
        stepCount++;

        double heatJ = x[TomatoModel.E_BOIL] - heat0;
        double elecJ = x[TomatoModel.E_LAMP] - elec0;
        double co2Kg = 1e-6 * (x[TomatoModel.M_CO2_DOSED] - co20);
        double fruit = fruitDryMatter();
        double grownFresh = 1e-6 * (fruit - fruitBefore) / 0.06;
        fruitBefore = fruit;
        double harvestedFresh = model.freshYieldKg(x) - 1e-6 * harvest0 / 0.06;
        double rh = TomatoModel.relativeHumidity(x);
        double co2Ppm = TomatoModel.co2Ppm(x);
        double hours = config.dt() / 3600.0;
        double penT = config.wTemp()
                * 0.5
                * (vT0 + outside(x[TomatoModel.T_AIR], bounds.tempMinC(), bounds.tempMaxC()))
                * hours;
        double penRh = config.wRh() * 0.5 * (vRh0 + outside(rh, bounds.rhMinPct(), bounds.rhMaxPct())) * hours;
        double penCo2 = config.wCo2() * 0.5 * (vCo20 + outside(co2Ppm, bounds.co2MinPpm(), bounds.co2MaxPpm())) * hours;
        double revenue = grownFresh * FRUIT_PRICE;
        double heatCost = heatJ / 3.6e6 / economics.boilerEfficiency() * gasPrice;
        double elecCost = elecJ / 3.6e6 * elecPrice;
        double co2Cost = co2Kg * co2Price;
        step.reward = revenue - heatCost - elecCost - co2Cost - penT - penRh - penCo2;
        kpi.add(
                config.dt(),
                heatJ,
                elecJ,
                co2Kg,
                harvestedFresh,
                x[TomatoModel.PAR_ABOVE_CANOPY] - par0,
                elecPrice,
                gasPrice,
                co2Price,
                x[TomatoModel.T_AIR],
                rh,
                co2Ppm,
                TomatoModel.vpdKpa(x));
        step.info.put("revenue", revenue);
        step.info.put("heat_cost", heatCost);
        step.info.put("elec_cost", elecCost);
        step.info.put("co2_cost", co2Cost);
        step.info.put("penalty_temp", penT);
        step.info.put("penalty_rh", penRh);
        step.info.put("penalty_co2", penCo2);
        step.info.put("kpi.heat_kwh_m2", kpi.heatKwhM2());
        step.info.put("kpi.elec_kwh_m2", kpi.elecKwhM2());
        step.info.put("kpi.co2_kg_m2", kpi.co2KgM2());
        step.info.put("kpi.cost_eur_m2", kpi.costEurM2());
        step.info.put("kpi.yield_fresh_kg_m2", kpi.yieldFreshKgM2());
        step.info.put("kpi.profit_eur_m2", kpi.profitEurM2());
        step.info.put("kpi.emissions_kgco2e_m2", kpi.emissionsKgM2());
        step.info.put("kpi.temp_violation_kh", kpi.tempViolationKh());
        step.info.put("kpi.rh_violation_pct_h", kpi.rhViolationPctH());
        step.info.put("kpi.co2_violation_ppm_h", kpi.co2ViolationPpmH());
        step.info.put("kpi.fruit_growth_fresh_kg_m2", 1e-6 * (fruit - fruitAtStart) / 0.06);
        step.truncated = stepCount >= episodeSteps;
        observe();
    }

    /** The KPIs of the episode so far, under the names of REFERENCES.md (allocates; for reports). */
    public Map<String, Object> kpis() {
        return kpi.kpis();
    }

    private static double outside(double v, double lo, double hi) {
        return v < lo ? lo - v : v > hi ? v - hi : 0.0;
    }

    // ------------------------------------------------------------------------------------------ observation

    private void observe() {
        double[] o = step.observation;
        double[] x = sim.stateView();
        double[] d = sim.weatherNow();
        int i = 0;
        if (config.modules().contains(TomatoEnvConfig.Module.CLIMATE)) {
            o[i++] = x[TomatoModel.T_AIR];
            o[i++] = TomatoModel.relativeHumidity(x);
            o[i++] = TomatoModel.co2Ppm(x);
            o[i++] = TomatoModel.vpdKpa(x);
            o[i++] = x[TomatoModel.T_CAN];
            o[i++] = x[TomatoModel.T_PIPE];
        }
        if (config.modules().contains(TomatoEnvConfig.Module.CROP)) {
            o[i++] = x[TomatoModel.C_LEAF] * 2.66e-5;
            o[i++] = x[TomatoModel.C_FRUIT] / 1000;
            o[i++] = x[TomatoModel.C_BUF] / 1000;
            o[i++] = x[TomatoModel.T_CAN_24];
            o[i++] = x[TomatoModel.T_CAN_SUM] / 1035;
        }
        if (config.modules().contains(TomatoEnvConfig.Module.WEATHER)) {
            o[i++] = d[WeatherVariable.GLOBAL_RADIATION.ordinal()];
            o[i++] = d[WeatherVariable.AIR_TEMPERATURE.ordinal()];
            o[i++] = Math.min(
                    100,
                    Psychrometrics.relativeHumidity(
                            d[WeatherVariable.AIR_TEMPERATURE.ordinal()],
                            d[WeatherVariable.VAPOUR_PRESSURE.ordinal()]));
            o[i++] = d[WeatherVariable.WIND_SPEED.ordinal()];
            o[i++] = d[WeatherVariable.DAILY_RADIATION_SUM.ordinal()];
        }
        if (config.modules().contains(TomatoEnvConfig.Module.FORECAST)) {
            double t = sim.time();
            for (int h = 1; h <= config.forecastHours(); h++) {
                forecast.sample(Math.min(t + h * 3600.0, config.episodeDays() * 86_400.0), forecastSample);
                double lead = Math.sqrt(h / 24.0);
                double rad = forecastSample[WeatherVariable.GLOBAL_RADIATION.ordinal()];
                if (config.forecastNoiseRadiation() > 0) {
                    rad *= Math.max(0, 1 + config.forecastNoiseRadiation() * lead * noise.nextGaussian());
                }
                double temp = forecastSample[WeatherVariable.AIR_TEMPERATURE.ordinal()];
                if (config.forecastNoiseTempK() > 0) {
                    temp += config.forecastNoiseTempK() * lead * noise.nextGaussian();
                }
                o[i++] = rad;
                o[i++] = temp;
            }
        }
        if (config.modules().contains(TomatoEnvConfig.Module.TIME)) {
            double hour = sim.secondOfDay() / 86_400.0 * 2 * Math.PI;
            double day = (sim.dayOfYear() - 1) / 365.25 * 2 * Math.PI;
            o[i++] = Math.sin(hour);
            o[i++] = Math.cos(hour);
            o[i++] = Math.sin(day);
            o[i++] = Math.cos(day);
        }
        if (config.modules().contains(TomatoEnvConfig.Module.ACTION)) {
            for (double a : lastAction) {
                o[i++] = a;
            }
        }
        for (int k = 0; k < o.length; k++) {
            double lo = observationSpace.low(k);
            double hi = observationSpace.high(k);
            o[k] = o[k] < lo ? lo : o[k] > hi ? hi : o[k];
        }
    }

    private static int observationSize(TomatoEnvConfig c) {
        return buildObservationSpace(c, actionSpace(c)).size();
    }

    private static BoxSpace buildObservationSpace(TomatoEnvConfig c, BoxSpace actions) {
        List<BoxSpace.Component> comps = new ArrayList<>();
        if (c.modules().contains(TomatoEnvConfig.Module.CLIMATE)) {
            comps.add(new BoxSpace.Component("air_temperature", "C", "air temperature below the screens", -10, 50));
            comps.add(new BoxSpace.Component(
                    "air_relative_humidity", "%", "relative humidity below the screens", 0, 100));
            comps.add(new BoxSpace.Component("air_co2", "ppm", "CO2 below the screens", 0, 3000));
            comps.add(new BoxSpace.Component("air_vpd", "kPa", "vapour pressure deficit", -1, 8));
            comps.add(new BoxSpace.Component("canopy_temperature", "C", "canopy temperature", -10, 50));
            comps.add(new BoxSpace.Component("pipe_temperature", "C", "pipe-rail temperature", -10, 150));
        }
        if (c.modules().contains(TomatoEnvConfig.Module.CROP)) {
            comps.add(new BoxSpace.Component("lai", "m2 m-2", "leaf area index", 0, 5));
            comps.add(new BoxSpace.Component("fruit_dry_weight", "g m-2", "fruit dry matter on the plants", 0, 600));
            comps.add(new BoxSpace.Component("buffer", "g m-2", "carbohydrate buffer", -100, 100));
            comps.add(
                    new BoxSpace.Component("canopy_temperature_24h", "C", "24-hour mean canopy temperature", -10, 50));
            comps.add(new BoxSpace.Component("development", "-", "temperature sum over 1035 C day", -1, 20));
        }
        if (c.modules().contains(TomatoEnvConfig.Module.WEATHER)) {
            comps.add(new BoxSpace.Component("outdoor_global_radiation", "W/m2", "outdoor global radiation", 0, 1400));
            comps.add(new BoxSpace.Component("outdoor_temperature", "C", "outdoor air temperature", -50, 50));
            comps.add(new BoxSpace.Component("outdoor_relative_humidity", "%", "outdoor relative humidity", 0, 100));
            comps.add(new BoxSpace.Component("outdoor_wind_speed", "m/s", "outdoor wind speed", 0, 60));
            comps.add(
                    new BoxSpace.Component("outdoor_daily_radiation_sum", "MJ/m2", "radiation sum of the day", 0, 45));
        }
        if (c.modules().contains(TomatoEnvConfig.Module.FORECAST)) {
            for (int h = 1; h <= c.forecastHours(); h++) {
                comps.add(new BoxSpace.Component(
                        "forecast_radiation_" + h + "h", "W/m2", "global radiation " + h + " h ahead", 0, 1400));
                comps.add(new BoxSpace.Component(
                        "forecast_temperature_" + h + "h", "C", "outdoor temperature " + h + " h ahead", -50, 50));
            }
        }
        if (c.modules().contains(TomatoEnvConfig.Module.TIME)) {
            comps.add(new BoxSpace.Component("hour_sin", "-", "sine of the time of day", -1, 1));
            comps.add(new BoxSpace.Component("hour_cos", "-", "cosine of the time of day", -1, 1));
            comps.add(new BoxSpace.Component("year_sin", "-", "sine of the day of year", -1, 1));
            comps.add(new BoxSpace.Component("year_cos", "-", "cosine of the day of year", -1, 1));
        }
        if (c.modules().contains(TomatoEnvConfig.Module.ACTION)) {
            for (BoxSpace.Component a : actions.components()) {
                comps.add(new BoxSpace.Component(
                        "last_" + a.name(), a.unit(), "previous action: " + a.description(), a.low(), a.high()));
            }
        }
        return new BoxSpace(comps);
    }

    private static BoxSpace actionSpace(TomatoEnvConfig c) {
        return c.residual() ? residualSpace() : c.setpointMode() ? setpointSpace() : directSpace();
    }

    private static BoxSpace residualSpace() {
        return new BoxSpace(List.of(
                new BoxSpace.Component("heating_offset", "K", "added to the rule's heating set-point", -5, 5),
                new BoxSpace.Component("ventilation_offset", "K", "added to the rule's ventilation set-point", -5, 5),
                new BoxSpace.Component("co2_offset", "ppm", "added to the rule's CO2 set-point", -600, 600),
                new BoxSpace.Component(
                        "lamp_override", "-", "below -0.5 lamps off, above 0.5 on, else the rule's decision", -1, 1)));
    }

    private static BoxSpace setpointSpace() {
        return new BoxSpace(List.of(
                new BoxSpace.Component("heating_setpoint", "C", "the boiler heats below it", 10, 25),
                new BoxSpace.Component("ventilation_setpoint", "C", "the roof vents open above it", 15, 35),
                new BoxSpace.Component("co2_setpoint", "ppm", "CO2 is dosed below it", 400, 1600),
                new BoxSpace.Component("lamps", "-", "top-lights on at 0.5 and above", 0, 1)));
    }

    private static BoxSpace directSpace() {
        return new BoxSpace(List.of(
                new BoxSpace.Component("uBoil", "-", "boiler valve to the pipe rail", 0, 1),
                new BoxSpace.Component("uExtCo2", "-", "CO2 valve", 0, 1),
                new BoxSpace.Component("uThScr", "-", "thermal screen closure", 0, 1),
                new BoxSpace.Component("uRoof", "-", "roof vent opening", 0, 1),
                new BoxSpace.Component("uLamp", "-", "top-lights", 0, 1),
                new BoxSpace.Component("uBlScr", "-", "blackout screen closure", 0, 1)));
    }

    // ------------------------------------------------------------------------------------------ baselines

    /**
     * A baseline agent for this environment: {@code rule-based} (GreenLight's controller; in set-point mode
     * its set-points: 19.5/18.5 °C heating in light/dark, ventilation 5 K above, CO2 1000 ppm in the light
     * period, its lamp rule; in residual mode the zero correction, which is the same controller), {@code all-off} (nothing: heating at 10 °C, vents at 35 °C, no CO2, no lamps in
     * set-point mode; all actuators 0 in direct mode) or {@code pid} (PID loops on the actuators; direct mode
     * only). Baselines read the plant directly.
     */
    @Override
    public List<String> baselines() {
        if (config.residual()) {
            return List.of("rule-based");
        }
        return config.setpointMode() ? List.of("rule-based", "all-off") : List.of("rule-based", "all-off", "pid");
    }

    @Override
    public Agent baseline(String name) {
        if (config.residual()) {
            if (!name.equals("rule-based")) {
                throw new IllegalArgumentException("no baseline '" + name + "' for " + id()
                        + " in action_mode=residual; available: rule-based (the zero correction)");
            }
            return new Agent() {
                @Override
                public void act(Step s, double[] a) {
                    java.util.Arrays.fill(a, 0);
                }

                @Override
                public String name() {
                    return "rule-based";
                }
            };
        }
        return switch (name) {
            case "all-off" ->
                new Agent() {
                    @Override
                    public void act(Step s, double[] a) {
                        if (config.setpointMode()) {
                            a[0] = 10;
                            a[1] = 35;
                            a[2] = 400;
                            a[3] = 0;
                        } else {
                            java.util.Arrays.fill(a, 0);
                        }
                    }

                    @Override
                    public String name() {
                        return "all-off";
                    }
                };
            case "rule-based" -> new ControllerBaseline("rule-based", new RuleBasedClimateController());
            case "pid" -> {
                if (config.setpointMode()) {
                    throw new IllegalArgumentException("the pid baseline drives actuators: use action_mode=direct");
                }
                yield new ControllerBaseline("pid", new PidClimateController());
            }
            default ->
                throw new IllegalArgumentException(
                        "no baseline '" + name + "' for " + id() + "; available: rule-based, all-off, pid");
        };
    }

    /** A plant controller seen as an agent: reads the plant, maps its commands (or its set-points) to actions. */
    private final class ControllerBaseline implements Agent {
        private final String name;
        private final Controller controller;
        private final Reading[] readings;
        private final ControlInput in;
        private final double[] commands;
        private final int[] commandOf = new int[DIRECT.length];

        ControllerBaseline(String name, Controller controller) {
            this.name = name;
            this.controller = controller;
            this.readings = new Reading[controller.readings().size()];
            for (int i = 0; i < readings.length; i++) {
                readings[i] = TomatoPlant.reading(controller.readings().get(i).name());
            }
            this.in = new ControlInput(controller.readings());
            this.commands = new double[controller.commands().size()];
            for (int i = 0; i < DIRECT.length; i++) {
                commandOf[i] = -1;
                for (int c = 0; c < controller.commands().size(); c++) {
                    if (controller.commands().get(c).name().equals(DIRECT[i])) {
                        commandOf[i] = c;
                    }
                }
            }
        }

        @Override
        public void reset() {
            controller.reset();
        }

        @Override
        public void act(Step s, double[] a) {
            double[] x = sim.stateView();
            double[] d = sim.weatherNow();
            for (int i = 0; i < readings.length; i++) {
                in.values()[i] = readings[i].value(x, d);
            }
            in.setClock(sim.secondOfDay(), sim.dayOfYear());
            controller.decide(in, commands);
            if (config.setpointMode() && controller instanceof RuleBasedClimateController rb) {
                PolicyActuation.ruleSetpoints(rb, commands, a);
            } else {
                for (int i = 0; i < DIRECT.length; i++) {
                    a[i] = commandOf[i] >= 0 ? commands[commandOf[i]] : 0;
                }
            }
        }

        @Override
        public String name() {
            return name;
        }
    }
}
